package dev.crest.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the {@code crest} command in-process and captures its exit code, standard output and error. */
public final class CliRunner {
    /** What one run of the command left behind. */
    public record Result(int exitCode, String out, String err) {
    }

    private CliRunner() {
    }

    /** Runs {@code crest} with {@code args}. */
    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
