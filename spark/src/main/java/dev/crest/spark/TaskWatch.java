package dev.crest.spark;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Follows the task attempts of one {@link ChunkRunner} job group from Spark's listener events, so the driver can
 * tell which chunk has been running too long and whether any executor is running anything at all.
 */
final class TaskWatch extends SparkListener {
    /** The job property carrying the chunk index a job computes. */
    static final String CHUNK_PROPERTY = "crest.chunk";

    private final String group;
    private final Map<Integer, Integer> chunkByStage = new ConcurrentHashMap<>();
    private final Map<Long, Attempt> running = new ConcurrentHashMap<>();
    private volatile long lastActivityNanos = System.nanoTime();

    TaskWatch(String group) {
        this.group = group;
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        if (jobStart.properties() == null || !group.equals(jobStart.properties().getProperty("spark.jobGroup.id"))) {
            return;
        }
        String chunk = jobStart.properties().getProperty(CHUNK_PROPERTY);
        if (chunk == null) {
            return;
        }
        for (Object stage : CollectionConverters.asJava(jobStart.stageIds())) {
            chunkByStage.put((Integer) stage, Integer.parseInt(chunk));
        }
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart taskStart) {
        Integer chunk = chunkByStage.get(taskStart.stageId());
        if (chunk != null) {
            running.put(taskStart.taskInfo().taskId(), new Attempt(chunk, System.nanoTime()));
            lastActivityNanos = System.nanoTime();
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        if (running.remove(taskEnd.taskInfo().taskId()) != null) {
            lastActivityNanos = System.nanoTime();
        }
    }

    /** A chunk one of whose attempts has been running longer than {@code limitNanos}, if any. */
    Optional<Integer> overdueChunk(long limitNanos) {
        long now = System.nanoTime();
        return running.values().stream().filter(a -> now - a.startNanos > limitNanos).map(a -> a.chunk).findFirst();
    }

    /** How long no attempt has been running and none has started or ended (0 while one runs). */
    long idleNanos() {
        return running.isEmpty() ? System.nanoTime() - lastActivityNanos : 0;
    }

    private record Attempt(int chunk, long startNanos) {
    }
}
