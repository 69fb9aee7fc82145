package dev.crest.bench.fuzz;

import dev.crest.bench.BenchException;
import dev.crest.fuzz.search.BudgetClock;
import dev.crest.fuzz.search.DomainLimitedOps;
import dev.crest.fuzz.search.GradientSearch;
import dev.crest.fuzz.search.InputSearch;
import dev.crest.fuzz.search.SamplingSearch;
import dev.crest.fuzz.search.SearchResult;
import dev.crest.fuzz.search.SearchSettings;
import dev.crest.graph.onnx.OnnxModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * NNSmith's input-search experiment (ASPLOS 2023, section 5.4): for models of 10, 20 and 30 nodes that contain at
 * least one domain-limited operator, the share whose inputs and weights the search makes finite everywhere within
 * the same per-model budget, gradient search against plain re-sampling. Both run on every model, in alternating
 * order, each with its own equal seed; a warm-up on random stand-in models that are not counted lets the JIT
 * compile first, since a 20 ms budget otherwise measures the JVM's interpreter.
 *
 * <p>Usage: {@code InputSearchBenchmark [--source generator|random|DIR] [--models N] [--sizes 10,20,30]
 * [--budget-ms 20] [--max-iterations N] [--seed S] [--warmup W] [--save DIR] [--failures true] [--clock wall|cpu]}. The default source is Crest's
 * generator; {@code random} is a fast stand-in, and a directory is read as saved {@code .onnx} files (see
 * {@link OnnxDirectorySource}). {@code --save DIR} keeps every measured model as {@code DIR/<nodes>/mNNNN.onnx}
 * with its {@code .searchable} listing, so later runs can skip the slow generation. With {@code --max-iterations}
 * both strategies get the same number of forward evaluations instead (and a time budget of an hour), which compares
 * the algorithms independently of kernel speed and machine load. {@code --failures true} lists every failed search on standard
 * error with the node that stayed non-finite; {@code --clock cpu} measures the budget on the searching thread's CPU
 * time, which approximates a dedicated core when the machine is shared.
 */
public final class InputSearchBenchmark {
    /** NNSmith's figures (gradient with proxy derivatives / sampling) at 10, 20 and 30 nodes. */
    private static final double[][] NNSMITH = {{10, 0.975, 0.83}, {20, 0.95, 0.76}, {30, 0.86, 0.67}};
    /** Draws allowed per counted model before a size is reported short (few models lack a domain-limited op). */
    private static final int DRAWS_PER_MODEL = 20;

    private InputSearchBenchmark() {
    }

    public static void main(String[] args) {
        try {
            run(Options.parse(args));
        } catch (BenchException e) {
            System.err.println("input-search benchmark: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void run(Options options) {
        ModelSource source = options.source();
        SearchSettings settings = options.maxIterations > 0
                ? SearchSettings.defaults().withBudget(Duration.ofHours(1)).withMaxIterations(options.maxIterations)
                : SearchSettings.defaults().withBudget(Duration.ofMillis(options.budgetMillis))
                        .withBudgetClock(options.clock);
        List<InputSearch> searches = List.of(new GradientSearch(), new SamplingSearch());
        System.out.println("source: " + source.label());
        System.out.printf(Locale.ROOT, "budget %s per model and strategy, %d models per size, seed %d%n",
                options.maxIterations > 0 ? options.maxIterations + " iterations"
                        : options.budgetMillis + " ms (" + options.clock + ")",
                options.models, options.seed);
        warmUp(searches, settings, options);

        System.out.println();
        System.out.println("| nodes | models | gradient | sampling | NNSmith gradient | NNSmith sampling "
                + "| first draw finite | gradient iterations | sampling iterations | gradient ms | sampling ms |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        SplittableRandom seeds = new SplittableRandom(options.seed);
        for (int size : source.honoursSize() ? options.sizes : List.of(0)) {
            SuccessTally[] tallies = {new SuccessTally(), new SuccessTally()};
            int draws = 0;
            while (tallies[0].models() < options.models && draws < options.models * DRAWS_PER_MODEL) {
                draws++;
                long seed = seeds.nextLong();
                Optional<SearchCase> next = source.next(size, seed);
                if (next.isEmpty()) {
                    break;
                }
                SearchCase c = next.get();
                if (!DomainLimitedOps.appearIn(c.model())) {
                    continue;
                }
                if (options.save != null) {
                    save(c, options.save.resolve(Integer.toString(size)), tallies[0].models());
                }
                int first = tallies[0].models() % searches.size();
                for (int k = 0; k < searches.size(); k++) {
                    // Alternate which strategy goes first so neither always runs on a freshly warmed cache.
                    int s = (first + k) % searches.size();
                    SearchResult r = searches.get(s).search(c.model(), c.searchable(), settings,
                            new SplittableRandom(seed));
                    tallies[s].add(r);
                    if (options.verbose && !r.success()) {
                        System.err.printf(Locale.ROOT, "%d %s %s: %s after %d iterations%n", size,
                                searches.get(s).name(), c.origin(), r.nonFiniteNode().orElse("?"), r.iterations());
                    }
                }
            }
            print(size, tallies);
        }
    }

    private static void save(SearchCase c, Path directory, int index) {
        String name = String.format(Locale.ROOT, "m%04d", index);
        try {
            Files.createDirectories(directory);
            OnnxModels.write(c.model(), directory.resolve(name + ".onnx"));
            Path listing = directory.resolve(name + ".searchable");
            Path temporary = directory.resolve(name + ".searchable.tmp");
            Files.write(temporary, c.searchable().stream().sorted().collect(Collectors.toList()));
            Files.move(temporary, listing, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new BenchException("cannot save models to " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Random stand-in models warm the JIT: they are fast to make, and a directory's models are all measured. */
    private static void warmUp(List<InputSearch> searches, SearchSettings settings, Options options) {
        SplittableRandom seeds = new SplittableRandom(~options.seed);
        for (int i = 0; i < options.warmup; i++) {
            SearchCase c = RandomModelSource.generate(options.sizes.get(0), seeds.nextLong());
            for (InputSearch search : searches) {
                search.search(c.model(), c.searchable(), settings, new SplittableRandom(i));
            }
        }
    }

    private static void print(int size, SuccessTally[] t) {
        String paperGradient = "–";
        String paperSampling = "–";
        for (double[] row : NNSMITH) {
            if (row[0] == size) {
                paperGradient = String.format(Locale.ROOT, "%.3f", row[1]);
                paperSampling = String.format(Locale.ROOT, "%.3f", row[2]);
            }
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %s | %s | %.3f | %.1f | %.1f | %.2f | %.2f |%n",
                size == 0 ? "as found" : Integer.toString(size), t[0].models(), t[0].successRate(), t[1].successRate(), paperGradient, paperSampling,
                t[1].firstDrawRate(), t[0].meanIterations(), t[1].meanIterations(), t[0].meanMillis(),
                t[1].meanMillis());
    }

    /** Parsed command line. */
    private static final class Options {
        String source = "generator";
        Path save;
        int models = 128;
        List<Integer> sizes = List.of(10, 20, 30);
        long budgetMillis = 20;
        int maxIterations;
        long seed = 1;
        int warmup = 100;
        boolean verbose;
        BudgetClock clock = BudgetClock.WALL;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (i + 1 >= args.length) {
                    throw new BenchException("option " + flag + " needs a value");
                }
                String value = args[++i];
                try {
                    switch (flag) {
                        case "--source":
                            o.source = value;
                            break;
                        case "--models":
                            o.models = positive(flag, Integer.parseInt(value));
                            break;
                        case "--sizes":
                            List<Integer> sizes = new ArrayList<>();
                            for (String s : value.split(",")) {
                                sizes.add(positive(flag, Integer.parseInt(s.trim())));
                            }
                            o.sizes = List.copyOf(sizes);
                            break;
                        case "--budget-ms":
                            o.budgetMillis = positive(flag, Integer.parseInt(value));
                            break;
                        case "--max-iterations":
                            o.maxIterations = positive(flag, Integer.parseInt(value));
                            break;
                        case "--save":
                            o.save = Path.of(value);
                            break;
                        case "--seed":
                            o.seed = Long.parseLong(value);
                            break;
                        case "--clock":
                            if (!value.equals("wall") && !value.equals("cpu")) {
                                throw new BenchException("option --clock takes wall or cpu, got '" + value + "'");
                            }
                            o.clock = value.equals("cpu") ? BudgetClock.THREAD_CPU : BudgetClock.WALL;
                            break;
                        case "--failures":
                            o.verbose = Boolean.parseBoolean(value);
                            break;
                        case "--warmup":
                            o.warmup = Integer.parseInt(value);
                            break;
                        default:
                            throw new BenchException("unknown option " + flag
                                    + "; options: --source generator|random|DIR, --models, --sizes, --budget-ms, --max-iterations, "
                                    + "--seed, --warmup, --save, --failures true|false, --clock wall|cpu");
                    }
                } catch (NumberFormatException e) {
                    throw new BenchException("option " + flag + " needs a number, got '" + value + "'");
                }
            }
            return o;
        }

        private static int positive(String flag, int value) {
            if (value <= 0) {
                throw new BenchException("option " + flag + " must be positive, got " + value);
            }
            return value;
        }

        ModelSource source() {
            if (source.equals("generator")) {
                return new GeneratedModelSource();
            }
            if (source.equals("random")) {
                return new RandomModelSource();
            }
            return new OnnxDirectorySource(Path.of(source));
        }
    }
}
