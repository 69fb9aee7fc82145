package dev.crest.bench.mlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crest.bench.BenchException;
import dev.crest.bench.SuiteOptions;
import dev.crest.bench.report.Comparison;
import dev.crest.bench.report.ComparisonTable;
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
 * flags and class path), Crest first, and the table reports the median seconds per epoch, the ratio
 * {@code torch time / crest time} and both final losses.
 */
public final class MlpSection {
    private MlpSection() {
    }

    /** Runs both sides and adds one comparison to {@code table}. */
    public static void run(SuiteOptions options, ComparisonTable table) {
        int warmup = 1;
        int epochs = options.quick() ? 1 : 3;
        JsonNode crest = runSide(MlpSide.CREST, options, warmup, epochs);
        JsonNode torch = runSide(MlpSide.TORCH, options, warmup, epochs);
        MlpConfig config = MlpConfig.fashionMnistDefault();
        String caseName = String.format(Locale.ROOT, "%d-%d-%d, batch %d, SGD lr %s momentum %s, %d images",
                config.inputs(), config.hidden(), config.classes(), config.batchSize(), config.learningRate(),
                config.momentum(), config.examples());
        double crestSeconds = crest.path("median_seconds").asDouble();
        double torchSeconds = torch.path("median_seconds").asDouble();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("crest_final_loss", crest.path("final_loss").asDouble());
        details.put("torch_final_loss", torch.path("final_loss").asDouble());
        details.put("epochs", warmup + epochs);
        details.put("crest_epoch_seconds", crest.path("epoch_seconds"));
        details.put("torch_epoch_seconds", torch.path("epoch_seconds"));
        details.put("crest", crest.path("description").asText());
        table.add(new Comparison("mlp training epoch", caseName, "s/epoch", crestSeconds,
                torch.path("description").asText(), torchSeconds, torchSeconds / crestSeconds, details));
        table.record("mlp_crest", crest);
        table.record("mlp_torch", torch);
    }

    private static JsonNode runSide(MlpSide side, SuiteOptions options, int warmup, int epochs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MlpEpochRunner.class.getName());
        command.add(side.name().toLowerCase(Locale.ROOT));
        command.add(Integer.toString(options.threads()));
        command.add(Integer.toString(warmup));
        command.add(Integer.toString(epochs));
        command.add(options.dataDirectory().toString());
        System.err.println("# MLP epoch, " + side.name().toLowerCase(Locale.ROOT) + ": " + (warmup + epochs)
                + " epochs");
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
            throw new BenchException("the " + side.name().toLowerCase(Locale.ROOT) + " MLP runner failed (exit "
                    + exit + "); see its message above");
        }
        try {
            return new ObjectMapper().readTree(output);
        } catch (IOException e) {
            throw new BenchException("the MLP runner printed no JSON: " + e.getMessage(), e);
        }
    }
}
