package dev.crest.fuzz.search;

import dev.crest.graph.Model;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.autodiff.Tape;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The baseline of NNSmith's evaluation: draw every value afresh from the range until the model computes only
 * finite values or the budget runs out. It stops early when the failing node depends on no chosen value.
 */
public final class SamplingSearch implements InputSearch {
    @Override
    public String name() {
        return "sampling";
    }

    @Override
    public SearchResult search(Model model, Set<String> searchable, SearchSettings settings, SplittableRandom random) {
        long start = System.nanoTime();
        SearchRun run = new SearchRun(SearchProblem.of(model, searchable), settings, start);
        ValueSampler sampler = new ValueSampler(settings.initLow(), settings.initHigh());
        Map<String, Tensor> values = sampler.drawAll(run.problem().searched(), random);
        int draws = 1;
        while (run.mayContinue()) {
            Tape tape = new Tape();
            ModelReplay.Outcome outcome = run.evaluate(tape, ModelReplay.constants(tape, values));
            if (outcome.allFinite() || run.hopeless(outcome) || !run.mayContinue()) {
                break;
            }
            values = sampler.drawAll(run.problem().searched(), random);
            draws++;
        }
        return run.finish(values, draws - 1);
    }

    @Override
    public String toString() {
        return name();
    }
}
