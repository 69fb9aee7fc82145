/** The {@code crest fuzz} commands: they parse options and delegate to the fuzz module. */
package dev.crest.cli.fuzz;
