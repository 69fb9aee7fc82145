/**
 * The {@code crest netsim} commands: {@code run}, {@code compare}, {@code sweep}, {@code models} and
 * {@code strategies}. They parse flags and config files (one option per
 * {@link dev.crest.netsim.sweep.NetsimSetting}, added by {@link dev.crest.cli.netsim.SettingOptions}), delegate to
 * the netsim library, and print text or one JSON document; {@code sweep} also draws a progress bar on standard error
 * and writes the HTML report built by {@code SweepReporter}.
 */
package dev.crest.cli.netsim;
