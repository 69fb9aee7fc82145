/** The {@code crest fuzz} commands: thin picocli layers over the {@code dev.crest.fuzz} library. */
package dev.crest.cli.fuzz;
