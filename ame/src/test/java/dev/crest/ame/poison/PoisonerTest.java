package dev.crest.ame.poison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.ame.AmeException;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.data.Dataset;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PoisonerTest {
    private static final int N = 12;
    private static final int SIDE = 6;

    /** Images whose every pixel is 0.5, labels i mod 3. */
    private static Dataset grey() {
        float[] pixels = new float[N * SIDE * SIDE];
        Arrays.fill(pixels, 0.5f);
        int[] labels = new int[N];
        for (int i = 0; i < N; i++) {
            labels[i] = i % 3;
        }
        return new Dataset(Tensor.wrapFloat32(Shape.of(N, SIDE, SIDE), pixels), labels);
    }

    @Test
    void stampsAndRelabelsASeededChoiceOfNonTargetImages() {
        Dataset clean = grey();
        Poisoner poisoner = new Poisoner(TriggerPatch.whiteSquare());
        PoisonedDataset result = poisoner.poison(clean, 4, 0, 17);
        int[] chosen = result.poisonedIndices();
        assertThat(chosen).hasSize(4).isSorted().doesNotHaveDuplicates();
        assertThat(poisoner.poison(clean, 4, 0, 17).poisonedIndices()).containsExactly(chosen);
        float[] pixels = result.data().features().float32Data();
        for (int i = 0; i < N; i++) {
            boolean poisoned = Arrays.binarySearch(chosen, i) >= 0;
            if (poisoned) {
                assertThat(clean.label(i)).isNotZero();
            }
            assertThat(result.data().label(i)).isEqualTo(poisoned ? 0 : clean.label(i));
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    boolean inPatch = poisoned && y >= SIDE - 4 && x >= SIDE - 4;
                    assertThat(pixels[i * SIDE * SIDE + y * SIDE + x]).isEqualTo(inPatch ? 1f : 0.5f);
                }
            }
        }
        assertThat(clean.features().float32Data()).containsOnly(0.5f);
    }

    @Test
    void differentSeedsChooseDifferentImagesAndEveryCandidateCanBeChosen() {
        Poisoner poisoner = new Poisoner(TriggerPatch.whiteSquare());
        Set<Integer> seen = new TreeSet<>();
        for (long seed = 0; seed < 40; seed++) {
            for (int index : poisoner.poison(grey(), 2, 0, seed).poisonedIndices()) {
                seen.add(index);
            }
        }
        assertThat(seen).containsExactly(1, 2, 4, 5, 7, 8, 10, 11);
    }

    @Test
    void topLeftPatchAndStampAllKeepLabels() {
        Poisoner poisoner = new Poisoner(new TriggerPatch(2, TriggerPatch.Corner.TOP_LEFT, 0f));
        Dataset stamped = poisoner.stampAll(grey().withExampleShape(Shape.of(1, SIDE, SIDE)));
        float[] pixels = stamped.features().float32Data();
        assertThat(pixels[0]).isZero();
        assertThat(pixels[SIDE + 1]).isZero();
        assertThat(pixels[2]).isEqualTo(0.5f);
        assertThat(stamped.labels()).containsExactly(grey().labels());
    }

    @Test
    void impossibleRequestsAreUserErrors() {
        Poisoner poisoner = new Poisoner(TriggerPatch.whiteSquare());
        assertThatThrownBy(() -> poisoner.poison(grey(), 9, 0, 1)).isInstanceOf(AmeException.class)
                .hasMessageContaining("only 8 training images");
        assertThatThrownBy(() -> poisoner.poison(grey(), -1, 0, 1)).isInstanceOf(AmeException.class)
                .hasMessageContaining("must be 0 or more, got -1");
        int classes = grey().classCount();
        assertThatThrownBy(() -> poisoner.poison(grey(), 1, classes, 1)).isInstanceOf(AmeException.class)
                .hasMessageContaining("target class must be between 0 and " + (classes - 1));
        assertThatThrownBy(() -> new Poisoner(new TriggerPatch(7, TriggerPatch.Corner.TOP_LEFT, 1f))
                .poison(grey(), 1, 0, 1)).isInstanceOf(AmeException.class).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> new TriggerPatch(0, TriggerPatch.Corner.TOP_LEFT, 1f))
                .isInstanceOf(AmeException.class);
    }
}
