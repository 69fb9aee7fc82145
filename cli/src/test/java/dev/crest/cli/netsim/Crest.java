package dev.crest.cli.netsim;

import dev.crest.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the {@code crest} command in-process and captures its exit code, standard output and error. */
final class Crest {
    record Result(int exitCode, String out, String err) {
    }

    private Crest() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
