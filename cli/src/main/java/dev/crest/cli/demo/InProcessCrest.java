package dev.crest.cli.demo;

import dev.crest.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.BooleanSupplier;

/**
 * Runs another {@code crest} command inside this JVM, the way the demo drives the tools: its standard output is
 * captured (the JSON documents the demo reads), its standard error goes to the terminal or, when quiet, into a
 * buffer that is shown only if the command fails. Once the demo was interrupted, it starts no further command, so
 * the step in progress ends at the next one.
 */
final class InProcessCrest {
    /** What one command left: its exit code, standard output and (when quiet) its standard error. */
    record Result(int exitCode, String out, String err) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private final PrintWriter terminal;
    private final boolean quiet;
    private final BooleanSupplier interrupted;

    /** Runs commands until {@code interrupted} says the demo was stopped. */
    InProcessCrest(PrintWriter terminal, boolean quiet, BooleanSupplier interrupted) {
        this.terminal = terminal;
        this.quiet = quiet;
        this.interrupted = interrupted;
    }

    /** Runs every command it is given. */
    InProcessCrest(PrintWriter terminal, boolean quiet) {
        this(terminal, quiet, () -> false);
    }

    /** Runs {@code crest args}; once the demo was interrupted, starts nothing and says so. */
    Result run(String... args) {
        if (interrupted.getAsBoolean()) {
            return new Result(DemoInterruption.EXIT_CODE, "", "interrupted");
        }
        StringWriter out = new StringWriter();
        StringWriter buffered = new StringWriter();
        PrintWriter err = quiet ? new PrintWriter(buffered, true) : terminal;
        int code = Main.run(args, new PrintWriter(out, true), err);
        err.flush();
        return new Result(code, out.toString(), buffered.toString());
    }
}
