package dev.crest.spark.fuzz;

import dev.crest.fuzz.backend.CapabilityProbe;
import dev.crest.fuzz.campaign.Campaign;
import dev.crest.fuzz.campaign.GeneratedCaseSource;
import dev.crest.graph.onnx.AtomicFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * The code a Spark task runs for a fuzzing shard: a time- or count-boxed one-pipeline campaign with the shard's
 * seed and its own worker process, in an empty scratch folder on the executor, returned packed as files. A shard
 * that fails returns its error instead of throwing, so the other shards' findings are still merged.
 */
final class ShardTask implements FlatMapFunction<Iterator<ShardSpec>, ShardResult> {
    private static final long serialVersionUID = 1L;

    private final ShardSettings settings;

    ShardTask(ShardSettings settings) {
        this.settings = settings;
    }

    @Override
    public Iterator<ShardResult> call(Iterator<ShardSpec> shards) {
        List<ShardResult> results = new ArrayList<>();
        while (shards.hasNext()) {
            results.add(run(shards.next()));
        }
        return results.iterator();
    }

    private ShardResult run(ShardSpec shard) {
        String host = hostName();
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("crest-fuzz-shard-" + shard.index() + "-");
            Path out = Files.createDirectory(scratch.resolve("out"));
            NativeLibraryCheck.require(settings.allBackends());
            new Campaign(settings.forShard(shard, out), Campaign.isolatedWorker(),
                    GeneratedCaseSource.factory(settings.capabilityCache().orElseGet(CapabilityProbe::defaultCacheDir)))
                    .run();
            return ShardResult.succeeded(shard.index(), host, ShardPacking.pack(out));
        } catch (LinkageError | RuntimeException | IOException e) {
            return ShardResult.failed(shard.index(), host,
                    NativeLibraryFailure.describe(e, host).orElseGet(() -> oneLine(e)));
        } finally {
            if (scratch != null) {
                // Scratch space in the executor's temporary folder; a leftover costs disk, not correctness.
                AtomicFiles.deleteTreeQuietly(scratch);
            }
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "an unnamed host";
        }
    }
}
