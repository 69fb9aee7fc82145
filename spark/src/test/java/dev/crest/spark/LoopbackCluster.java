package dev.crest.spark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * A real Spark standalone cluster on loopback for tests: a Master process and Worker processes started from the
 * Spark jars on the test class path, with a Spark home whose {@code jars/} folder links to them (the Worker builds
 * its executors' class path from it). Closing kills every process it started.
 */
public final class LoopbackCluster implements AutoCloseable {
    private static final String SPARK_JAVA_OPTIONS = "--add-opens=java.base/java.lang=ALL-UNNAMED"
            + " --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED"
            + " --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED"
            + " --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED"
            + " --add-opens=java.base/java.util.concurrent=ALL-UNNAMED"
            + " --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED"
            + " --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED"
            + " --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED"
            + " --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false"
            + " -Dio.netty.tryReflectionSetAccessible=true";

    private final Path dir;
    private final Path sparkHome;
    private final String classPath;
    private final int masterPort;
    private final Process master;
    private final List<Process> workers = new ArrayList<>();

    private LoopbackCluster(Path dir, Path sparkHome, String classPath, int masterPort, Process master) {
        this.dir = dir;
        this.sparkHome = sparkHome;
        this.classPath = classPath;
        this.masterPort = masterPort;
        this.master = master;
    }

    /** Starts a master on a free loopback port and waits until it accepts connections. */
    public static LoopbackCluster start(Path dir) throws IOException, InterruptedException {
        List<String> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            // Crest's own module jars (a whole-reactor build puts them here) go to the executors with the job, as on
            // a real cluster; in Spark's jars/ folder they would shadow the job's classes (a learner class shipped
            // with the job would be invisible to Crest's classes loaded from there).
            if (entry.endsWith(".jar") && !Path.of(entry).getFileName().toString().startsWith("crest-")) {
                jars.add(entry);
            }
        }
        Path sparkHome = Files.createDirectories(dir.resolve("spark-home"));
        Files.writeString(sparkHome.resolve("RELEASE"), "Spark for Crest tests\n");
        Path jarsDir = Files.createDirectories(sparkHome.resolve("jars"));
        for (String jar : jars) {
            Path source = Path.of(jar);
            Path link = jarsDir.resolve(source.getFileName());
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, source);
            }
        }
        String classPath = String.join(java.io.File.pathSeparator, jars);
        int port = freePort();
        Process master = launch(dir, sparkHome, classPath, "master", List.of("org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", Integer.toString(freePort())));
        LoopbackCluster cluster = new LoopbackCluster(dir, sparkHome, classPath, port, master);
        try {
            cluster.awaitPort(port);
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    public String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** Starts a worker with {@code cores} cores that registers with the master. */
    public Process startWorker(int cores) throws IOException {
        int index = workers.size();
        Path workDir = Files.createDirectories(dir.resolve("worker-" + index));
        Process worker = launch(dir, sparkHome, classPath, "worker-" + index, List.of(
                "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", Integer.toString(cores),
                "--memory", "2g", "--work-dir", workDir.toString(), "--webui-port", Integer.toString(freePort()),
                masterUrl()));
        workers.add(worker);
        return worker;
    }

    /** Kills a worker and the executors it started, as if its machine had died. */
    public static void kill(Process worker) throws InterruptedException {
        List<ProcessHandle> children = worker.descendants().toList();
        worker.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        worker.waitFor();
    }

    /** The end of a process log, for a failing test's message. */
    public String log(String name) {
        try {
            String text = Files.readString(dir.resolve(name + ".log"));
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        // Not InterruptedException: a test's try-with-resources must always get to kill the processes.
        try {
            for (Process worker : workers) {
                kill(worker);
            }
            master.descendants().forEach(ProcessHandle::destroyForcibly);
            master.destroyForcibly();
            master.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.forEach(Process::destroyForcibly);
            master.destroyForcibly();
        }
        removeJarLinks();
    }

    /** Removes the Spark home's links to the jars, which JUnit's temporary-folder cleanup warns about one by one. */
    private void removeJarLinks() {
        try (java.util.stream.Stream<Path> links = Files.list(sparkHome.resolve("jars"))) {
            for (Path link : (Iterable<Path>) links::iterator) {
                Files.deleteIfExists(link);
            }
        } catch (IOException e) {
            // Only cosmetic: the temporary folder is removed anyway.
        }
    }

    /**
     * A jar of the class directories and Crest module jars on the test class path (Crest as this build made it), for the
     * executors: the module's own executor jar is only built after the tests.
     */
    public Path classesJar() throws IOException {
        Path jar = dir.resolve("crest-classes.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path root = Path.of(entry);
                if (Files.isDirectory(root)) {
                    addTree(out, root, seen);
                } else if (root.getFileName().toString().startsWith("crest-") && Files.isRegularFile(root)) {
                    // In a whole-reactor build Crest's other modules are on the class path as their packaged jars.
                    addJar(out, root, seen);
                }
            }
        }
        return jar;
    }

    private static void addJar(JarOutputStream out, Path jar, java.util.Set<String> seen) throws IOException {
        try (java.util.jar.JarFile in = new java.util.jar.JarFile(jar.toFile())) {
            for (JarEntry entry : java.util.Collections.list(in.entries())) {
                if (entry.isDirectory() || entry.getName().startsWith("META-INF/MANIFEST") || !seen.add(entry.getName())) {
                    continue;
                }
                out.putNextEntry(new JarEntry(entry.getName()));
                try (java.io.InputStream content = in.getInputStream(entry)) {
                    content.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    private static void addTree(JarOutputStream out, Path root, java.util.Set<String> seen) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (seen.add(name)) {
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(file, out);
                    out.closeEntry();
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static Process launch(Path dir, Path sparkHome, String classPath, String name, List<String> arguments)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(List.of(SPARK_JAVA_OPTIONS.split(" ")));
        command.add("-cp");
        command.add(classPath);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        // Spark's launcher otherwise looks for a source build to learn the Scala version.
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("OPENBLAS_NUM_THREADS", "1");
        return builder.start();
    }

    private void awaitPort(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!master.isAlive()) {
                throw new IOException("the Spark master exited: " + log("master"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IOException("the Spark master did not open port " + port + " within 60 s: " + log("master"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
