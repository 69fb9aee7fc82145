package dev.crest.cli.demo;

import dev.crest.cli.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@code crest} command in a child JVM on this JVM's class path, the way the demo runs its fuzzing campaign:
 * a Ctrl-C can then stop the campaign whole, its own worker processes included, while the demo cleans up (in this
 * JVM the campaign's Ctrl-C handling would end the process as soon as its summary is written). Standard output is captured; standard error goes to the terminal as it comes or, when quiet,
 * into a buffer shown only if the command fails, as with {@link InProcessCrest}; the child is started through
 * {@code interruption}, which kills it on Ctrl-C.
 */
record ChildCrest(PrintWriter terminal, boolean quiet, DemoInterruption interruption) {
    /** Runs {@code crest args} to its end; after a Ctrl-C, or when it cannot start, the result says so. */
    InProcessCrest.Result run(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        // The launcher's JVM options (CREST_JAVA_OPTS, --add-opens, -D settings) apply to the child too; a debugger
        // or agent attached to this JVM does not.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> !option.startsWith("-agentlib") && !option.startsWith("-javaagent")
                        && !option.startsWith("-Xrunjdwp") && !option.startsWith("-Xdebug"))
                .forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process;
        try {
            process = interruption.start(new ProcessBuilder(command));
        } catch (IOException e) {
            return new InProcessCrest.Result(Main.USER_ERROR, "", "cannot start crest in a child process: "
                    + e.getMessage());
        }
        if (process == null) {
            return new InProcessCrest.Result(DemoInterruption.EXIT_CODE, "", "interrupted");
        }
        StringWriter buffered = new StringWriter();
        Writer err = quiet ? buffered : terminal;
        Thread errors = new Thread(() -> copy(process.getErrorStream(), err), "crest-demo-child-stderr");
        errors.start();
        StringWriter out = new StringWriter();
        copy(process.getInputStream(), out);
        try {
            errors.join();
            return new InProcessCrest.Result(process.waitFor(), out.toString(), buffered.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new InProcessCrest.Result(DemoInterruption.EXIT_CODE, out.toString(), "interrupted");
        }
    }

    /** Copies as it comes, flushing each piece: the campaign redraws its progress line in place. */
    private static void copy(InputStream from, Writer to) {
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(from, StandardCharsets.UTF_8)) {
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                synchronized (to) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            }
        } catch (IOException e) {
            // The child's stream closed under us (it was killed on Ctrl-C): what was copied is all there is.
        }
    }
}
