package dev.crest.bench.mlp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crest.bench.BenchException;
import dev.crest.bench.report.Median;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.data.Dataset;
import dev.crest.tensor.data.FashionMnist;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times training epochs of one side of the MLP benchmark in its own JVM (so neither side's threads or JIT
 * state affect the other) and prints one JSON document on stdout. Started by {@link MlpSection}:
 * {@code MlpEpochRunner SIDE THREADS WARMUP_EPOCHS MEASURED_EPOCHS DATA_DIR}.
 */
public final class MlpEpochRunner {
    private MlpEpochRunner() {
    }

    /** Entry point; exits with 2 on a {@link BenchException}. */
    public static void main(String[] args) {
        try {
            if (args.length != 5) {
                throw new BenchException("usage: MlpEpochRunner crest|torch THREADS WARMUP_EPOCHS EPOCHS DATA_DIR");
            }
            MlpSide side = MlpSide.valueOf(args[0].toUpperCase(Locale.ROOT));
            int threads = Integer.parseInt(args[1]);
            int warmup = Integer.parseInt(args[2]);
            int epochs = Integer.parseInt(args[3]);
            System.out.println(run(side, MlpConfig.fashionMnistDefault(), threads, warmup, epochs,
                    Path.of(args[4])));
        } catch (BenchException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Trains {@code warmup} epochs whose times are discarded, then {@code epochs} timed ones; reports JSON. */
    static String run(MlpSide side, MlpConfig config, int threads, int warmup, int epochs, Path dataDirectory) {
        Dataset data = load(config, dataDirectory);
        List<Double> seconds = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        String description;
        try (EpochTrainer trainer = side.create(config, data, threads)) {
            description = trainer.description();
            for (int epoch = 0; epoch < warmup + epochs; epoch++) {
                EpochResult result = trainer.trainEpoch(epoch);
                if (epoch >= warmup) {
                    seconds.add(result.seconds());
                }
                losses.add(result.meanLoss());
            }
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("side", side.name().toLowerCase(Locale.ROOT));
        document.put("description", description);
        document.put("config", config);
        document.put("warmup_epochs", warmup);
        document.put("epoch_seconds", seconds);
        document.put("median_seconds", Median.of(seconds));
        document.put("epoch_losses", losses);
        document.put("final_loss", losses.get(losses.size() - 1));
        try {
            return new ObjectMapper().writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code config.examples()} training images, flattened to {@code [n, inputs]}. */
    static Dataset load(MlpConfig config, Path directory) {
        if (!FashionMnist.isAvailable(directory)) {
            throw new BenchException("Fashion-MNIST not found in " + directory
                    + "; install Debian's dataset-fashion-mnist or pass --data");
        }
        Dataset train = FashionMnist.train(directory);
        if (train.size() < config.examples()) {
            throw new BenchException("Fashion-MNIST in " + directory + " has " + train.size() + " images, need "
                    + config.examples());
        }
        Dataset subset = train.slice(0, config.examples());
        // The features are immutable, so the flattened view can share their array.
        Tensor flat = Tensor.wrapFloat32(Shape.of(config.examples(), config.inputs()),
                subset.features().float32Data());
        return new Dataset(flat, subset.labels());
    }
}
