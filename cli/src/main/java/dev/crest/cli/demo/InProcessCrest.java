package dev.crest.cli.demo;

import dev.crest.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs another {@code crest} command inside this JVM, the way the demo drives the tools: its standard output is
 * captured (the JSON documents the demo reads), its standard error goes to the terminal or, when quiet, into a
 * buffer that is shown only if the command fails.
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

    InProcessCrest(PrintWriter terminal, boolean quiet) {
        this.terminal = terminal;
        this.quiet = quiet;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter buffered = new StringWriter();
        PrintWriter err = quiet ? new PrintWriter(buffered, true) : terminal;
        int code = Main.run(args, new PrintWriter(out, true), err);
        err.flush();
        return new Result(code, out.toString(), buffered.toString());
    }
}
