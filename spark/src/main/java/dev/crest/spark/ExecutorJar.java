package dev.crest.spark;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Finds the Crest executor jar (this module's shaded jar, classifier {@code executor}: Crest and its libraries
 * without Spark) that cluster executors need to run Crest's tasks. It sits next to this module's own jar, or in
 * the module's {@code target/} folder when this module runs from its classes directory.
 */
public final class ExecutorJar {
    private ExecutorJar() {
    }

    /** The executor jar; a {@link SparkEngineException} telling how to build it when it is missing. */
    public static Path locate() {
        CodeSource source = ExecutorJar.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw missing("the crest-spark classes have no known location");
        }
        Path location;
        try {
            location = Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw missing("cannot read the crest-spark location " + source.getLocation());
        }
        // target/classes and target/crest-spark-<version>.jar both sit in the folder the executor jar is built in.
        Path target = location.getParent();
        String base = Files.isDirectory(location) ? "crest-spark-" + version() : stripJar(location);
        Path jar = target.resolve(base + "-executor.jar");
        if (!Files.isRegularFile(jar)) {
            throw missing(jar + " does not exist");
        }
        return jar;
    }

    private static String version() {
        String version = ExecutorJar.class.getPackage().getImplementationVersion();
        return version == null ? "0.1.0-SNAPSHOT" : version;
    }

    private static String stripJar(Path jar) {
        String name = jar.getFileName().toString();
        return name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
    }

    private static SparkEngineException missing(String why) {
        return new SparkEngineException("cannot find the Crest executor jar that Spark executors need (" + why
                + "); build it with: mvn -pl spark -am package -DskipTests -Pexecutor-jar");
    }
}
