package dev.crest.spark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How Crest connects to Spark and runs its tasks.
 *
 * @param master a Spark master URL: {@code local[*]} (embedded, the default), {@code local[N]},
 *     {@code spark://host:port} for a standalone cluster, or anything {@code spark-submit} accepts
 * @param taskTimeout the longest one task may run (and the longest the job may wait for a first executor);
 *     past it the job is cancelled with an error naming the task
 * @param jars jars the executors need beyond Spark itself (the Crest executor jar); unused in local mode
 */
public record SparkEngineSettings(String master, Duration taskTimeout, List<Path> jars) {
    /** The master used when the user names none: every core of this machine, no installation needed. */
    public static final String DEFAULT_MASTER = "local[*]";
    /** The task time limit used when the user sets none. */
    public static final Duration DEFAULT_TASK_TIMEOUT = Duration.ofMinutes(30);

    public SparkEngineSettings {
        if (master == null || master.isBlank()) {
            throw new SparkEngineException("the Spark master URL is empty; give e.g. local[*] or spark://host:7077");
        }
        if (taskTimeout.isNegative() || taskTimeout.isZero()) {
            throw new SparkEngineException("the Spark task time limit must be positive, got " + taskTimeout);
        }
        jars = List.copyOf(jars);
    }

    /** Embedded Spark on every core, with the default time limit. */
    public static SparkEngineSettings local() {
        return new SparkEngineSettings(DEFAULT_MASTER, DEFAULT_TASK_TIMEOUT, List.of());
    }

    /** Whether the master runs everything inside this JVM, so executors share the driver's class path. */
    public boolean isLocal() {
        return master.equals("local") || master.startsWith("local[") || master.startsWith("local-cluster[");
    }

    public SparkEngineSettings withTaskTimeout(Duration value) {
        return new SparkEngineSettings(master, value, jars);
    }

    public SparkEngineSettings withJars(List<Path> value) {
        return new SparkEngineSettings(master, taskTimeout, value);
    }
}
