package dev.crest.fuzz.worker;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * How to start a worker JVM: the java executable, the class path (which decides the backend versions the worker
 * sees — a campaign pinning {@code onnxruntime@1.12.1} puts that version's jar here), and JVM options.
 *
 * @param javaExecutable the {@code java} binary
 * @param classPath the worker's class path, holding Crest's fuzz module and the backends' jars
 * @param jvmOptions options placed before the main class
 */
public record WorkerLauncher(Path javaExecutable, String classPath, List<String> jvmOptions) {
    /**
     * Options that suit a single-threaded worker next to other jobs. The heap cap keeps a long campaign's worker
     * resident memory bounded: uncapped, the serial collector kept growing a mostly empty old generation (measured
     * 181 → 374 MiB over 10 minutes with 0 KB of it in use), which hid whether native memory was released.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx256m", "-Xss16m",
            "-XX:-UsePerfData", "-Djava.awt.headless=true");

    public WorkerLauncher {
        Objects.requireNonNull(javaExecutable);
        Objects.requireNonNull(classPath);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** A worker on this JVM's java binary and class path. */
    public static WorkerLauncher current() {
        return withClassPath(System.getProperty("java.class.path"));
    }

    /** A worker on this JVM's java binary with another class path. */
    public static WorkerLauncher withClassPath(String classPath) {
        return new WorkerLauncher(Path.of(System.getProperty("java.home"), "bin", "java"), classPath,
                DEFAULT_JVM_OPTIONS);
    }

    /**
     * This launcher with {@code jar} first on the class path and every entry {@code replaced} accepts left out, so
     * that the worker loads a pinned engine release's classes and native library from {@code jar} (entries the
     * filter cannot see, such as classes bundled in a fat jar, still come after it and lose).
     */
    public WorkerLauncher withJarFirst(Path jar, Predicate<String> replaced) {
        List<String> entries = new ArrayList<>();
        entries.add(jar.toAbsolutePath().toString());
        for (String entry : classPath.split(Pattern.quote(File.pathSeparator))) {
            if (!entry.isEmpty() && !replaced.test(entry)) {
                entries.add(entry);
            }
        }
        return new WorkerLauncher(javaExecutable, String.join(File.pathSeparator, entries), jvmOptions);
    }

    /** The command line that starts the worker. */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(WorkerMain.class.getName());
        return command;
    }
}
