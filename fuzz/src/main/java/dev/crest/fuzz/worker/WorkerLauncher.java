package dev.crest.fuzz.worker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to start a worker JVM: the java executable, the class path (which decides the backend versions the worker
 * sees — a campaign pinning {@code onnxruntime@1.12.1} puts that version's jar here), and JVM options.
 *
 * @param javaExecutable the {@code java} binary
 * @param classPath the worker's class path, holding Crest's fuzz module and the backends' jars
 * @param jvmOptions options placed before the main class
 */
public record WorkerLauncher(Path javaExecutable, String classPath, List<String> jvmOptions) {
    /** Options that suit a short-lived, single-threaded worker next to other jobs. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xss16m",
            "-XX:-UsePerfData", "-Djava.awt.headless=true");

    public WorkerLauncher {
        Objects.requireNonNull(javaExecutable);
        Objects.requireNonNull(classPath);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** A worker on this JVM's java binary and class path (the shaded jar when run from the CLI). */
    public static WorkerLauncher current() {
        return withClassPath(System.getProperty("java.class.path"));
    }

    /** A worker on this JVM's java binary with another class path. */
    public static WorkerLauncher withClassPath(String classPath) {
        return new WorkerLauncher(Path.of(System.getProperty("java.home"), "bin", "java"), classPath,
                DEFAULT_JVM_OPTIONS);
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
