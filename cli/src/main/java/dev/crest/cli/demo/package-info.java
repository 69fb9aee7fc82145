/**
 * {@code crest demo} runs short sessions of all three tools into one folder and links their pages from one index;
 * {@code crest report} rebuilds those pages from the results stored there.
 */
package dev.crest.cli.demo;
