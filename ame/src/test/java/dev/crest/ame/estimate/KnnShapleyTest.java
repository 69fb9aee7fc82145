package dev.crest.ame.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crest.ame.games.ExactShapley;
import dev.crest.ame.games.Game;
import java.util.BitSet;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KnnShapleyTest {
    @Test
    void oneNeighbourOnThreePointsMatchesTheHandCount() {
        // Points at distance 1, 2, 3 with labels match, mismatch, match; K = 1.
        // Over the 6 orders the nearest point adds 1 unless the third (matching) one came alone before it: 5/6.
        // The middle point: −1/6; the farthest: 1/3 (it only counts when first).
        double[][] x = {{1}, {2}, {3}};
        double[] v = KnnShapley.values(x, new int[] {1, 0, 1}, new double[] {0}, 1, 1);
        assertThat(v).containsExactly(new double[] {5.0 / 6, -1.0 / 6, 1.0 / 3}, within(1e-12));
    }

    @Test
    void closedFormMatchesEnumerationOfTheKnnUtility() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 9;
        double[][] x = new double[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = random.nextDouble();
            x[i][1] = random.nextDouble();
            y[i] = random.nextInt(3);
        }
        double[] test = {0.5, 0.5};
        for (int k = 1; k <= 4; k++) {
            double[] closed = KnnShapley.values(x, y, test, 1, k);
            double[] exact = ExactShapley.values(knnGame(x, y, test, 1, k));
            assertThat(closed).containsExactly(exact, within(1e-12));
        }
    }

    @Test
    void severalTestPointsAverageTheirValues() {
        double[][] x = {{0}, {1}, {5}};
        int[] y = {0, 1, 1};
        double[][] tests = {{0.1}, {4.9}};
        int[] labels = {0, 1};
        double[] a = KnnShapley.values(x, y, tests[0], 0, 2);
        double[] b = KnnShapley.values(x, y, tests[1], 1, 2);
        double[] both = KnnShapley.values(x, y, tests, labels, 2);
        for (int i = 0; i < 3; i++) {
            assertThat(both[i]).isCloseTo((a[i] + b[i]) / 2, within(1e-12));
        }
    }

    /** The K-NN utility itself, written directly from its definition, as an oracle. */
    private static Game knnGame(double[][] x, int[] y, double[] test, int label, int k) {
        return new Game() {
            @Override
            public int players() {
                return x.length;
            }

            @Override
            public double utility(BitSet s) {
                int[] nearest = s.stream().boxed()
                        .sorted(Comparator.comparingDouble(i -> distance(x[i], test)))
                        .limit(k).mapToInt(Integer::intValue).toArray();
                return IntStream.of(nearest).filter(i -> y[i] == label).count() / (double) k;
            }
        };
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            s += (a[d] - b[d]) * (a[d] - b[d]);
        }
        return s;
    }
}
