package dev.crest.ame.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.ame.AmeException;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;
import dev.crest.tensor.data.Dataset;
import dev.crest.tensor.nn.Linear;
import dev.crest.tensor.nn.Module;
import dev.crest.tensor.nn.Parameter;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LearnerTest {
    /** Two well separated 2-D clusters: class 0 around (−2, −2), class 1 around (2, 2). */
    static Dataset clusters(int perClass, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[perClass * 2 * 2];
        int[] labels = new int[perClass * 2];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 2;
            float centre = labels[i] == 0 ? -2f : 2f;
            values[2 * i] = centre + (float) random.nextGaussian() * 0.5f;
            values[2 * i + 1] = centre + (float) random.nextGaussian() * 0.5f;
        }
        return new Dataset(Tensor.wrapFloat32(Shape.of(labels.length, 2), values), labels);
    }

    static BitSet all(int n) {
        BitSet mask = new BitSet();
        mask.set(0, n);
        return mask;
    }

    private static final Tensor PROBES = Tensor.ofFloats(Shape.of(2, 2), -2f, -2f, 2f, 2f);

    @Test
    void sameSeedAndMaskGiveIdenticalLogitsAndOtherSeedsDiffer() {
        Dataset data = clusters(20, 1);
        BitSet mask = new BitSet();
        mask.set(0, 40, true);
        mask.clear(5, 12);
        for (String name : new String[] {"logreg", "mlp"}) {
            Learner learner = Learners.discover().create(name, LearnerSettings.defaults().withSteps(30));
            float[][] first = learner.train(data, mask, 2, 42).logits(PROBES);
            float[][] again = learner.train(data, mask, 2, 42).logits(PROBES);
            float[][] other = learner.train(data, mask, 2, 43).logits(PROBES);
            assertThat(again).isDeepEqualTo(first);
            assertThat(other).isNotEqualTo(first);
        }
    }

    @Test
    void trainedLogisticRegressionSeparatesTheClusters() {
        Dataset data = clusters(20, 2);
        Learner learner = Learners.discover().create("logreg", LearnerSettings.defaults().withSteps(100));
        float[][] logits = learner.train(data, all(40), 2, 7).logits(PROBES);
        assertThat(logits[0][0]).isGreaterThan(logits[0][1]);
        assertThat(logits[1][1]).isGreaterThan(logits[1][0]);
    }

    @Test
    void takesExactlyTheConfiguredStepsWhateverTheSubsetSize() {
        Dataset data = clusters(50, 3);
        AtomicInteger forwards = new AtomicInteger();
        NetworkFactory counting = (shape, classes, random) -> new Module() {
            private final Linear linear = new Linear(shape.size(), classes, random);

            @Override
            public Variable forward(Tape tape, Variable input) {
                forwards.incrementAndGet();
                return linear.forward(tape, input);
            }

            @Override
            public List<Parameter> parameters() {
                return linear.parameters();
            }
        };
        NetworkLearner learner = new NetworkLearner("counting", counting,
                LearnerSettings.defaults().withSteps(17).withBatchSize(8));
        BitSet small = new BitSet();
        small.set(3);
        small.set(60);
        for (BitSet mask : new BitSet[] {small, all(100)}) {
            forwards.set(0);
            learner.train(data, mask, 2, 1);
            assertThat(forwards.get()).isEqualTo(17);
        }
        forwards.set(0);
        learner.train(data, new BitSet(), 2, 1);
        assertThat(forwards.get()).isZero();
    }

    @Test
    void everySubmodelHasTheFullClassCountEvenWhenItsSubsetLacksClasses() {
        Dataset data = clusters(5, 4);
        BitSet onlyClassZero = new BitSet();
        onlyClassZero.set(0);
        onlyClassZero.set(2);
        Learner learner = Learners.discover().create("logreg", LearnerSettings.defaults().withSteps(5));
        assertThat(learner.train(data, onlyClassZero, 4, 1).logits(PROBES)[0]).hasSize(4);
    }

    @Test
    void cnnTrainsOnSmallImages() {
        SplittableRandom random = new SplittableRandom(5);
        float[] pixels = new float[6 * 8 * 8];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextDouble();
        }
        Dataset images = new Dataset(Tensor.wrapFloat32(Shape.of(6, 8, 8), pixels), new int[] {0, 1, 2, 0, 1, 2});
        Learner cnn = Learners.discover().create("cnn", LearnerSettings.defaults().withSteps(3).withBatchSize(4));
        float[][] first = cnn.train(images, all(6), 3, 9).logits(images.features());
        assertThat(first).hasNumberOfRows(6);
        assertThat(first[0]).hasSize(3);
        assertThat(cnn.train(images, all(6), 3, 9).logits(images.features())).isDeepEqualTo(first);
        assertThatThrownBy(() -> cnn.train(clusters(2, 1), all(4), 2, 1)).isInstanceOf(AmeException.class)
                .hasMessageContaining("single-channel images");
    }

    @Test
    void registryListsBuiltInsAndPluginsAndRejectsUnknownNames() {
        Learners learners = Learners.discover();
        assertThat(learners.names()).startsWith("logreg", "mlp", "cnn").contains(ConstantLearnerProvider.NAME);
        Learner plugin = learners.create(ConstantLearnerProvider.NAME, LearnerSettings.defaults());
        assertThat(plugin.train(clusters(1, 1), all(2), 3, 0).logits(PROBES)[1]).containsExactly(0f, 1f, 2f);
        assertThatThrownBy(() -> learners.create("xgboost", LearnerSettings.defaults()))
                .isInstanceOf(AmeException.class).hasMessageContaining("unknown learner 'xgboost'")
                .hasMessageContaining("logreg, mlp, cnn");
    }

    @Test
    void learnerClassesCanBeNamedDirectly() {
        Learners learners = Learners.discover();
        Learner byClass = learners.create("class:" + ConstantLearnerProvider.class.getName(), LearnerSettings.defaults());
        assertThat(byClass.name()).isEqualTo(ConstantLearnerProvider.NAME);
        assertThatThrownBy(() -> learners.create("class:no.such.Learner", LearnerSettings.defaults()))
                .isInstanceOf(AmeException.class).hasMessageContaining("not on the class path");
        assertThatThrownBy(() -> learners.create("class:java.lang.String", LearnerSettings.defaults()))
                .isInstanceOf(AmeException.class).hasMessageContaining("implements neither");
        assertThatThrownBy(() -> learners.create("class:java.lang.Integer", LearnerSettings.defaults()))
                .isInstanceOf(AmeException.class).hasMessageContaining("public no-argument constructor");
    }

    @Test
    void settingsRejectNonsense() {
        assertThatThrownBy(() -> LearnerSettings.defaults().withSteps(-1)).isInstanceOf(AmeException.class);
        assertThatThrownBy(() -> LearnerSettings.defaults().withBatchSize(0)).isInstanceOf(AmeException.class);
        assertThatThrownBy(() -> LearnerSettings.defaults().withLearningRate(Double.NaN))
                .isInstanceOf(AmeException.class);
    }
}
