/**
 * The {@code crest ame} commands: train submodels on random subsets with a checkpoint and progress bar
 * ({@code run}), refit scores from stored outcomes ({@code estimate}), and plant a backdoor for experiments
 * ({@code poison}); results go to {@code scores.csv}, {@code selected.json} and an HTML report.
 */
package dev.crest.cli.ame;
