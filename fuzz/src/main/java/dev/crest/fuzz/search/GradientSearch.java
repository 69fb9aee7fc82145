package dev.crest.fuzz.search;

import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import dev.crest.tensor.autodiff.Gradients;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;
import dev.crest.tensor.nn.Parameter;
import dev.crest.tensor.optim.Adam;
import dev.crest.tensor.optim.AdamSettings;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * NNSmith's gradient-guided input search (Liu et al., ASPLOS 2023, section 3.3): draw inputs and weights from a
 * small positive range, run the model, and at the first node producing NaN or infinity take an Adam step on the
 * float inputs and weights against that node's {@link HingeLoss}, differentiated through the model on a tape
 * with proxy derivatives, until every value is finite or the budget runs out.
 *
 * <p>As in NNSmith: the gradient norm is clipped, the optimizer restarts when the failing node changes, and
 * values that become NaN or infinite are re-drawn. Where NNSmith gives up (every gradient zero, or no loss
 * applies), this search instead re-draws every value and continues, which includes integer and bool inputs that
 * no gradient moves (restarts draw integers from wider ranges, {@link ValueSampler#redraw}); it stops early only
 * when the failing node depends on no chosen value at all. While one node is being repaired, each evaluation runs
 * only that node's cone until it is finite ({@link ModelReplay#run(dev.crest.tensor.autodiff.Tape, java.util.Map,
 * int)}), and a clipped gradient is the unclipped one scaled, from a single backward pass.
 */
public final class GradientSearch implements InputSearch {
    @Override
    public String name() {
        return "gradient";
    }

    @Override
    public SearchResult search(Model model, Set<String> searchable, SearchSettings settings, SplittableRandom random) {
        long start = System.nanoTime();
        SearchRun run = new SearchRun(SearchProblem.of(model, searchable), settings, start);
        ValueSampler sampler = new ValueSampler(settings.initLow(), settings.initHigh());
        ChosenValues values = new ChosenValues(run.problem().searched(), sampler, random);
        AdamSettings adamSettings = AdamSettings.defaults().withLearningRate(settings.learningRate());
        Adam adam = null;
        int optimizedNode = -1;
        int restarts = 0;
        while (run.mayContinue()) {
            Tape tape = new Tape(settings.gradientMode());
            // Until the node being optimized is finite, only it and its inputs' producers need to run.
            ModelReplay.Outcome outcome = run.evaluate(tape, values.leaves(tape), optimizedNode);
            if (outcome.allFinite() || run.hopeless(outcome) || !run.mayContinue()) {
                break;
            }
            if (adam == null || outcome.failingNode() != optimizedNode) {
                adam = new Adam(values.parameters(), adamSettings);
                optimizedNode = outcome.failingNode();
            }
            if (!step(tape, run.problem().nodes().get(outcome.failingNode()), outcome, values, adam, settings, random)) {
                values.redrawAll(random);
                restarts++;
                adam = null;
            }
        }
        return run.finish(values.values(), restarts);
    }

    /** One Adam step against the failing node's loss; false when there is no gradient to follow. */
    private static boolean step(Tape tape, Node node, ModelReplay.Outcome outcome, ChosenValues values, Adam adam,
            SearchSettings settings, SplittableRandom random) {
        if (outcome.kernelError() != null) {
            return false; // an integer kernel failed: no gradient reaches it
        }
        Variable loss = HingeLoss.of(tape, node, outcome.failingInputs());
        if (loss == null) {
            return false;
        }
        Gradients gradients;
        try {
            gradients = tape.backward(loss);
            double norm = gradientNorm(values.parameters(), gradients);
            if (Double.isNaN(norm) || Double.isInfinite(norm)) {
                // NNSmith's parameters would turn NaN here and be re-drawn; re-draw just the affected elements.
                redrawNonFiniteGradients(values, gradients, random);
                return true;
            }
            if (norm == 0) {
                return false;
            }
            if (norm > settings.gradientClip()) {
                gradients = gradients.scaled(settings.gradientClip() / norm);
            }
        } catch (TensorException e) {
            return false; // an operator on the path has no usable gradient here
        }
        adam.step(gradients);
        values.redrawNonFinite(random);
        return true;
    }

    private static double gradientNorm(List<Parameter> parameters, Gradients gradients) {
        double sum = 0;
        for (Parameter p : parameters) {
            Tensor g = p.gradient(gradients);
            if (g != null) {
                for (int i = 0, n = g.size(); i < n; i++) {
                    double gi = g.getDouble(i);
                    sum += gi * gi;
                }
            }
        }
        return Math.sqrt(sum);
    }

    private static void redrawNonFiniteGradients(ChosenValues values, Gradients gradients, SplittableRandom random) {
        for (Parameter p : values.parameters()) {
            Tensor g = p.gradient(gradients);
            if (g != null) {
                values.redrawWhere(p.name(), i -> !Double.isFinite(g.getDouble(i)), random);
            }
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
