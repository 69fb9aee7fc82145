package dev.crest.fuzz.backend.torch;

import dev.crest.fuzz.backend.Backend;
import dev.crest.fuzz.campaign.GeneratedCaseSource;
import dev.crest.fuzz.campaign.PreparedCase;
import dev.crest.fuzz.diff.TestCase;
import dev.crest.fuzz.gen.GeneratorSettings;
import dev.crest.fuzz.search.GradientSearch;
import dev.crest.fuzz.search.SearchSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks by hand that the torch backend's resident memory stays flat: compiles and runs generated 10-node models
 * in a loop and prints the process's resident set size every 50 cycles. Not a test (it measures); run with
 * {@code java -cp <test class path> dev.crest.fuzz.backend.torch.TorchMemoryLoop [cycles]}.
 */
public final class TorchMemoryLoop {
    private static final int DISTINCT_MODELS = 20;

    private TorchMemoryLoop() {
    }

    public static void main(String[] args) throws IOException {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        GeneratorSettings generator = GeneratorSettings.defaults(0).withOperators(TorchCases.translatedSpecs());
        SearchSettings search = SearchSettings.defaults().withBudget(Duration.ofHours(1)).withMaxIterations(30);
        GeneratedCaseSource source = new GeneratedCaseSource(generator, new GradientSearch(), search);
        List<TestCase> cases = new ArrayList<>();
        for (long seed = 1; cases.size() < DISTINCT_MODELS; seed++) {
            PreparedCase prepared = source.prepare(seed);
            prepared.testCase().ifPresent(cases::add);
        }
        int failures = 0;
        try (Backend torch = new TorchBackend()) {
            System.out.println("cycle 0: RSS " + residentKb() + " kB (models prepared, PyTorch not loaded)");
            for (int cycle = 1; cycle <= cycles; cycle++) {
                TestCase testCase = cases.get(cycle % cases.size());
                try (Backend.Compiled compiled = torch.compile(testCase.modelBytes())) {
                    torch.run(compiled, testCase.inputs());
                } catch (RuntimeException e) {
                    failures++;
                }
                if (cycle % 50 == 0) {
                    System.out.println("cycle " + cycle + ": RSS " + residentKb() + " kB");
                }
            }
        }
        System.out.println("failed runs: " + failures + " of " + cycles);
    }

    private static long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
