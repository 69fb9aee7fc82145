package dev.crest.fuzz.campaign;

import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.diff.TestCase;
import dev.crest.fuzz.gen.GeneratedModel;
import dev.crest.fuzz.gen.GeneratedNode;
import dev.crest.fuzz.gen.Generator;
import dev.crest.fuzz.gen.GeneratorSettings;
import dev.crest.fuzz.search.GradientSearch;
import dev.crest.fuzz.search.InputSearch;
import dev.crest.fuzz.search.SearchResult;
import dev.crest.fuzz.search.SearchSettings;
import dev.crest.fuzz.spec.OpSpec;
import dev.crest.fuzz.spec.OpSpecs;
import dev.crest.graph.Model;
import dev.crest.graph.interp.Interpreter;
import dev.crest.tensor.Tensor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The campaign's standard case source: the solver-based {@link Generator} builds a model from the seed, the
 * gradient {@link InputSearch} picks inputs and weights that keep every value finite, and the reference
 * interpreter computes the expected outputs, all on the calling (preparing) thread. Each generation has its own
 * solver context, so several threads can prepare cases at once.
 */
public final class GeneratedCaseSource implements CaseSource {
    /** Separates the search's random stream from the generator's, which starts from the bare seed. */
    private static final long SEARCH_STREAM = 0x2545F4914F6CDD1DL;
    /** Long enough that an iteration cap, not the clock, ends a capped search. */
    private static final Duration CAPPED_SEARCH_BUDGET = Duration.ofHours(1);

    private final GeneratorSettings generator;
    private final InputSearch search;
    private final SearchSettings searchSettings;
    private final ThreadLocal<Interpreter> reference = ThreadLocal.withInitial(Interpreter::standard);

    /** A source generating with {@code generator} (its seed is replaced per case) and searching with {@code search}. */
    public GeneratedCaseSource(GeneratorSettings generator, InputSearch search, SearchSettings searchSettings) {
        this.generator = generator;
        this.search = search;
        this.searchSettings = searchSettings;
    }

    /**
     * The standard factory: the operators the settings name (all by default), restricted to the operator × dtype
     * combinations every backend accepts as probed through the campaign's executor (results cached in
     * {@code capabilityCache}), then generation and gradient search per the settings.
     */
    public static CaseSourceFactory factory(Path capabilityCache) {
        return (settings, executor, runs, exclusions) -> {
            List<OpSpec> specs = chosenSpecs(settings);
            // Built before probing so that a bad opset or node count is reported as such, not probed (and cached)
            // as operators no backend supports.
            GeneratorSettings generator = GeneratorSettings.defaults(settings.seed()).withNodes(settings.nodes())
                    .withOpset(settings.opset()).withOperators(specs);
            SearchSettings search = searchSettings(settings);
            List<OpSpec> supported = new SupportedOperators(executor, capabilityCache, settings.opset())
                    .restrict(specs, runs, exclusions);
            if (supported.isEmpty()) {
                throw new FuzzException("no chosen operator is supported by every backend under test; see the "
                        + "exclusions: " + String.join("; ", exclusions));
            }
            return new GeneratedCaseSource(generator.withOperators(supported), new GradientSearch(), search);
        };
    }

    /** The operators the settings name (every standard one when none is named), as specs existing in the opset. */
    static List<OpSpec> chosenSpecs(CampaignSettings settings) {
        OpSpecs specs = OpSpecs.standard();
        if (!settings.operators().isEmpty()) {
            specs = specs.only(new LinkedHashSet<>(settings.operators()));
        }
        List<OpSpec> inOpset = specs.all().stream().filter(s -> s.sinceOpset() <= settings.opset()).toList();
        // An empty list is left to the generator's settings, which name the opset range when it is the cause.
        return inOpset.isEmpty() ? List.copyOf(specs.all()) : inOpset;
    }

    /** The input-search settings of a campaign: its budget, or its iteration cap when one is given. */
    static SearchSettings searchSettings(CampaignSettings settings) {
        SearchSettings search = SearchSettings.defaults().withBudget(settings.searchBudget());
        if (settings.searchIterations().isPresent()) {
            search = search.withBudget(CAPPED_SEARCH_BUDGET).withMaxIterations(settings.searchIterations().getAsInt());
        }
        return search;
    }

    @Override
    public PreparedCase prepare(long seed) {
        long start = System.nanoTime();
        GeneratedModel generated;
        try {
            generated = Generator.generate(generator.withSeed(seed));
        } catch (FuzzException e) {
            return PreparedCase.failed(seed, e.getMessage(), Duration.ofNanos(System.nanoTime() - start));
        }
        long generatedAt = System.nanoTime();
        SearchResult result = search.search(generated.model(), new LinkedHashSet<>(generated.searchable()),
                searchSettings, new SplittableRandom(seed ^ SEARCH_STREAM));
        Model model = result.withWeights(generated.model());
        Map<String, Tensor> inputs = result.inputs(model);
        Map<String, Tensor> expected;
        try {
            expected = reference.get().run(model, inputs);
        } catch (RuntimeException e) {
            // The tester asks the reference backend again and drops the case with its error message.
            expected = Map.of();
        }
        long searchedAt = System.nanoTime();
        TestCase testCase = TestCase.of(model, inputs, expected, seed).withProvenance(provenance(generated, result));
        return PreparedCase.of(seed, testCase, result.success(), Duration.ofNanos(generatedAt - start),
                Duration.ofNanos(searchedAt - generatedAt));
    }

    private Map<String, String> provenance(GeneratedModel generated, SearchResult result) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("generator", "crest fuzz gen --seed " + generated.seed() + " --nodes " + generator.nodes()
                + " --opset " + generator.opset());
        facts.put("operators", generated.nodes().stream().map(GeneratedNode::opType)
                .collect(Collectors.joining(",")));
        facts.put("search", search.name() + (result.success() ? " (all values finite" : " (non-finite values remain")
                + ", " + result.iterations() + " iterations)");
        return facts;
    }
}
