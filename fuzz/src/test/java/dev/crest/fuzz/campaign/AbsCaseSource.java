package dev.crest.fuzz.campaign;

import dev.crest.fuzz.diff.TestCase;
import dev.crest.fuzz.testing.TestModels;
import dev.crest.graph.Model;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** {@code y = Abs(x)} on a float vector whose length and values come from the seed; remembers the seeds asked for. */
final class AbsCaseSource implements CaseSource {
    final List<Long> seeds = Collections.synchronizedList(new ArrayList<>());

    @Override
    public PreparedCase prepare(long seed) {
        seeds.add(seed);
        SplittableRandom random = new SplittableRandom(seed);
        int n = 2 + random.nextInt(6);
        double[] values = random.doubles(n, -5, 5).toArray();
        Model model = TestModels.unary("Abs", DType.FLOAT32, n);
        TestCase testCase = TestCase.of(model, Map.of("x", Tensor.fromDoubles(DType.FLOAT32, Shape.of(n), values)),
                seed);
        return PreparedCase.of(seed, testCase, true, Duration.ofMillis(1), Duration.ofMillis(1));
    }
}
