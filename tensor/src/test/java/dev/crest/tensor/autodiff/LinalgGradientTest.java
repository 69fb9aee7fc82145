package dev.crest.tensor.autodiff;

import static dev.crest.tensor.autodiff.GradientCheck.all;
import static dev.crest.tensor.autodiff.GradientCheck.assertGradients;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Gradients of MatMul (1-D operands, broadcast batches) and Gemm (transposes, α, β, C broadcasting). */
class LinalgGradientTest {

    @Property(tries = 30)
    void matMulWithVectorsAndBroadcastBatches(@ForAll @IntRange(min = 1, max = 4) int rankA,
            @ForAll @IntRange(min = 1, max = 4) int rankB, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 1 + random.nextInt(3);
        int k = 1 + random.nextInt(3);
        int m = 1 + random.nextInt(3);
        // Batch axes: a common shape, from which each operand keeps a suffix with some axes set to 1.
        int batchRank = Math.max(rankA, rankB) - 2;
        int[] batch = new int[Math.max(0, batchRank)];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = 1 + random.nextInt(3);
        }
        Shape a = operandShape(random, batch, rankA, n, k, true);
        Shape b = operandShape(random, batch, rankB, k, m, false);
        assertGradients("MatMul", Attributes.empty(), new Tensor[] {
            RandomTensors.uniform(random, a, -2, 2), RandomTensors.uniform(random, b, -2, 2)}, all(2), random);
    }

    private static Shape operandShape(SplittableRandom random, int[] batch, int rank, int rows, int cols, boolean left) {
        if (rank == 1) {
            return Shape.of(left ? cols : rows);
        }
        int[] dims = new int[rank];
        int batchAxes = rank - 2;
        for (int i = 0; i < batchAxes; i++) {
            int d = batch[batch.length - batchAxes + i];
            dims[i] = random.nextInt(3) == 0 ? 1 : d;
        }
        dims[rank - 2] = rows;
        dims[rank - 1] = cols;
        return Shape.of(dims);
    }

    @Property(tries = 30)
    void gemmWithTransposesAndBroadcastC(@ForAll boolean transA, @ForAll boolean transB,
            @ForAll @IntRange(min = 0, max = 5) int cForm, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int m = 1 + random.nextInt(3);
        int k = 1 + random.nextInt(3);
        int n = 1 + random.nextInt(3);
        Tensor a = RandomTensors.uniform(random, transA ? Shape.of(k, m) : Shape.of(m, k), -2, 2);
        Tensor b = RandomTensors.uniform(random, transB ? Shape.of(n, k) : Shape.of(k, n), -2, 2);
        Shape[] cShapes = {Shape.scalar(), Shape.of(n), Shape.of(1, n), Shape.of(m, 1), Shape.of(m, n)};
        Attributes attributes = Attributes.builder()
                .put("alpha", 0.5 + random.nextDouble())
                .put("beta", -1 + 2 * random.nextDouble())
                .put("transA", transA ? 1L : 0L)
                .put("transB", transB ? 1L : 0L)
                .build();
        if (cForm == 5) {
            assertGradients("Gemm", attributes, new Tensor[] {a, b}, all(2), random);
        } else {
            Tensor c = RandomTensors.uniform(random, cShapes[cForm], -2, 2);
            assertGradients("Gemm", attributes, new Tensor[] {a, b, c}, all(3), random);
        }
    }
}
