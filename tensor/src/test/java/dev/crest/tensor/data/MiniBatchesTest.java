package dev.crest.tensor.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MiniBatchesTest {
    /** Ten examples of two features; example i holds (i, 10·i) and label i % 3. */
    private static Dataset tenExamples() {
        float[] values = new float[20];
        int[] labels = new int[10];
        for (int i = 0; i < 10; i++) {
            values[2 * i] = i;
            values[2 * i + 1] = 10 * i;
            labels[i] = i % 3;
        }
        return new Dataset(Tensor.wrapFloat32(Shape.of(10, 2), values), labels);
    }

    @Test
    void everyEpochVisitsEachExampleOnceWithMatchingLabels() {
        MiniBatches batches = new MiniBatches(tenExamples(), 4, 42);
        assertThat(batches.batchCount()).isEqualTo(3);
        List<Integer> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (Batch batch : batches.epoch(0)) {
            sizes.add(batch.size());
            assertThat(batch.features().shape()).isEqualTo(Shape.of(batch.size(), 2));
            float[] f = batch.features().float32Data();
            for (int i = 0; i < batch.size(); i++) {
                int example = (int) f[2 * i];
                assertThat(f[2 * i + 1]).isEqualTo(10f * example);
                assertThat(batch.labels()[i]).isEqualTo(example % 3);
                seen.add(example);
            }
        }
        assertThat(sizes).containsExactly(4, 4, 2);
        assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void orderIsDeterministicPerSeedAndEpochAndChangesBetweenEpochs() {
        Dataset data = tenExamples();
        MiniBatches a = new MiniBatches(data, 4, 7);
        MiniBatches b = new MiniBatches(data, 4, 7);
        assertThat(a.order(3)).containsExactly(b.order(3));
        assertThat(a.order(0)).isNotEqualTo(a.order(1));
        assertThat(a.order(0)).isNotEqualTo(new MiniBatches(data, 4, 8).order(0));
        int[] sorted = a.order(5);
        Arrays.sort(sorted);
        assertThat(sorted).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void inOrderKeepsDatasetOrder() {
        assertThat(MiniBatches.inOrder(tenExamples(), 3).order(4)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void datasetSliceAndValidation() {
        Dataset slice = tenExamples().slice(2, 5);
        assertThat(slice.size()).isEqualTo(3);
        assertThat(slice.features().float32Data()).containsExactly(2, 20, 3, 30, 4, 40);
        assertThat(slice.labels()).containsExactly(2, 0, 1);
        assertThat(slice.exampleShape()).isEqualTo(Shape.of(2));
        Dataset viewed = tenExamples().withExampleShape(Shape.of(1, 2, 1));
        assertThat(viewed.features().shape()).isEqualTo(Shape.of(10, 1, 2, 1));
        assertThat(viewed.label(4)).isEqualTo(1);
        assertThatThrownBy(() -> tenExamples().withExampleShape(Shape.of(3))).isInstanceOf(TensorException.class);
        assertThatThrownBy(() -> new MiniBatches(tenExamples(), 0, 1)).isInstanceOf(TensorException.class);
        assertThatThrownBy(() -> new Dataset(Tensor.wrapFloat32(Shape.of(2, 2), new float[4]), new int[] {1}))
                .isInstanceOf(TensorException.class).hasMessageContaining("2 examples but 1 labels");
        assertThatThrownBy(() -> tenExamples().slice(5, 11)).isInstanceOf(TensorException.class);
    }
}
