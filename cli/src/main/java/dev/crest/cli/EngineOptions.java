package dev.crest.cli;

import dev.crest.spark.ExecutorJar;
import dev.crest.spark.MasterProbe;
import dev.crest.spark.SparkConnection;
import dev.crest.spark.SparkEngineSettings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The options that choose where a command's parallel work runs, mixed into {@code crest ame run},
 * {@code crest netsim sweep} and {@code crest fuzz run}: this machine's threads (the default) or Apache Spark,
 * embedded or on a cluster.
 */
public final class EngineOptions {
    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "local",
            description = "where the parallel work runs: local (this machine's threads) or spark; default:"
                    + " ${DEFAULT-VALUE}")
    private String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master with --engine spark: local[*] (embedded, the default), local[N] or"
                    + " spark://host:7077")
    private String master;

    @Option(names = "--task-timeout", paramLabel = "SECONDS",
            description = "with --engine spark, cancel the job when one task runs longer than this; default: "
                    + "1800")
    private Long taskTimeoutSeconds;

    /** Whether the user chose Spark; checks the combination of options first. */
    public boolean isSpark() {
        String name = engine.toLowerCase(Locale.ROOT);
        if (!name.equals("local") && !name.equals("spark")) {
            throw new CliException("unknown engine '" + engine + "'; choose local or spark");
        }
        boolean spark = name.equals("spark");
        if (!spark && (master != null || taskTimeoutSeconds != null)) {
            throw new CliException("--master and --task-timeout need --engine spark");
        }
        if (taskTimeoutSeconds != null && taskTimeoutSeconds < 1) {
            throw new CliException("--task-timeout must be at least 1 second, got " + taskTimeoutSeconds);
        }
        return spark;
    }

    /**
     * Connects to Spark when the user chose it, else returns null (so the result can sit in a try-with-resources
     * either way). A cluster master gets the Crest executor jar shipped to its executors.
     */
    public SparkConnection connectIfSpark(String appName) {
        if (!isSpark()) {
            return null;
        }
        Duration timeout = taskTimeoutSeconds == null ? SparkEngineSettings.DEFAULT_TASK_TIMEOUT
                : Duration.ofSeconds(taskTimeoutSeconds);
        SparkEngineSettings settings = new SparkEngineSettings(
                master == null ? SparkEngineSettings.DEFAULT_MASTER : master, timeout, List.of());
        if (!settings.isLocal()) {
            // An unreachable master is the likelier mistake and the one to report, not the executor jar it would need.
            MasterProbe.requireReachable(settings.master());
            settings = settings.withJars(List.of(ExecutorJar.locate()));
        }
        return SparkConnection.open(settings, appName);
    }
}
