package dev.crest.spark;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * An open Spark context for one Crest command: checks the master first ({@link MasterProbe}), ships the Crest
 * executor jar to cluster executors, and stops the context when closed.
 */
public final class SparkConnection implements AutoCloseable {
    private final JavaSparkContext context;
    private final SparkEngineSettings settings;

    private SparkConnection(JavaSparkContext context, SparkEngineSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    /** Connects to {@code settings.master()} as an application called {@code appName}. */
    public static SparkConnection open(SparkEngineSettings settings, String appName) {
        MasterProbe.requireReachable(settings.master());
        SparkConf conf = new SparkConf()
                .setMaster(settings.master())
                .setAppName(appName)
                // Training threads inside executors already use every core; native BLAS threads would oversubscribe.
                .setExecutorEnv("OPENBLAS_NUM_THREADS", "1");
        if (settings.isLocal()) {
            conf.set("spark.ui.enabled", "false");
            conf.set("spark.driver.host", "127.0.0.1");
            conf.set("spark.driver.bindAddress", "127.0.0.1");
        } else {
            if (masterIsLoopback(settings.master())) {
                // Executors on a loopback-only cluster must reach the driver on loopback too.
                conf.set("spark.driver.host", "127.0.0.1");
                conf.set("spark.driver.bindAddress", "127.0.0.1");
            }
            conf.setJars(settings.jars().stream().map(Path::toString).toArray(String[]::new));
        }
        try {
            return new SparkConnection(new JavaSparkContext(conf), settings);
        } catch (RuntimeException e) {
            throw new SparkEngineException("cannot start Spark with master " + settings.master() + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean masterIsLoopback(String master) {
        if (!master.startsWith("spark://")) {
            return false;
        }
        try {
            String host = URI.create(master.split(",")[0]).getHost();
            return host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (IllegalArgumentException | UnknownHostException e) {
            return false;
        }
    }

    public JavaSparkContext context() {
        return context;
    }

    public SparkEngineSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        context.stop();
    }
}
