package dev.crest.bench.mlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crest.bench.BenchException;
import dev.crest.bench.SuiteOptions;
import dev.crest.bench.report.Comparison;
import dev.crest.bench.report.ComparisonTable;
import dev.crest.bench.report.Median;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The MLP training-epoch comparison: each side runs in its own JVM ({@link MlpEpochRunner}, with this JVM's
 * flags and class path), Crest then PyTorch, in rounds so a burst of other work on the machine hits both sides
 * alike. The table reports each side's median seconds per timed epoch over all rounds, the ratio
 * {@code torch time / crest time} and both final losses (identical runs, so every round ends at the same loss).
 */
public final class MlpSection {
    private static final int WARMUP_EPOCHS = 1;

    private MlpSection() {
    }

    /** Runs both sides and adds one comparison to {@code table}. */
    public static void run(SuiteOptions options, ComparisonTable table) {
        int rounds = options.quick() ? 1 : 2;
        int epochs = options.quick() ? 1 : 3;
        List<Double> crestSeconds = new ArrayList<>();
        List<Double> torchSeconds = new ArrayList<>();
        JsonNode crest = null;
        JsonNode torch = null;
        for (int round = 0; round < rounds; round++) {
            crest = runSide(MlpSide.CREST, options, epochs, round, rounds);
            torch = runSide(MlpSide.TORCH, options, epochs, round, rounds);
            crest.path("epoch_seconds").forEach(v -> crestSeconds.add(v.asDouble()));
            torch.path("epoch_seconds").forEach(v -> torchSeconds.add(v.asDouble()));
        }
        MlpConfig config = MlpConfig.fashionMnistDefault();
        String caseName = String.format(Locale.ROOT, "%d-%d-%d, batch %d, SGD lr %s momentum %s, %d images",
                config.inputs(), config.hidden(), config.classes(), config.batchSize(), config.learningRate(),
                config.momentum(), config.examples());
        double crestMedian = Median.of(crestSeconds);
        double torchMedian = Median.of(torchSeconds);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("crest_final_loss", crest.path("final_loss").asDouble());
        details.put("torch_final_loss", torch.path("final_loss").asDouble());
        details.put("epochs_per_run", WARMUP_EPOCHS + epochs);
        details.put("crest_epoch_seconds", crestSeconds);
        details.put("torch_epoch_seconds", torchSeconds);
        details.put("crest", crest.path("description").asText());
        table.add(new Comparison("mlp training epoch", caseName, "s/epoch", crestMedian,
                torch.path("description").asText(), torchMedian, torchMedian / crestMedian, details));
        table.record("mlp_rounds", rounds);
        table.record("mlp_crest_last_round", crest);
        table.record("mlp_torch_last_round", torch);
    }

    private static JsonNode runSide(MlpSide side, SuiteOptions options, int epochs, int round, int rounds) {
        String name = side.name().toLowerCase(Locale.ROOT);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MlpEpochRunner.class.getName());
        command.add(name);
        command.add(Integer.toString(options.threads()));
        command.add(Integer.toString(WARMUP_EPOCHS));
        command.add(Integer.toString(epochs));
        command.add(options.dataDirectory().toString());
        System.err.println("# MLP round " + (round + 1) + " of " + rounds + ", " + name + ": "
                + (WARMUP_EPOCHS + epochs) + " epochs");
        String output;
        int exit;
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (InputStream stdout = process.getInputStream()) {
                output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            }
            exit = process.waitFor();
        } catch (IOException e) {
            throw new BenchException("could not start the MLP runner: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while the MLP runner was running", e);
        }
        if (exit != 0) {
            throw new BenchException("the " + name + " MLP runner failed (exit " + exit + "); see its message above");
        }
        try {
            return new ObjectMapper().readTree(output);
        } catch (IOException e) {
            throw new BenchException("the MLP runner printed no JSON: " + e.getMessage(), e);
        }
    }
}
