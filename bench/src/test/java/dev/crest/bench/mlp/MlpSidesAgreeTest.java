package dev.crest.bench.mlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.tensor.Closeness;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.data.Dataset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Both sides start from the same weights and see the same batches, so they must follow the same losses. */
class MlpSidesAgreeTest {
    @Test
    void crestAndTorchTrainToTheSameLosses() {
        MlpConfig config = new MlpConfig(6, 5, 3, 4, 0.1f, 0.9f, 10, 9L);
        SplittableRandom random = new SplittableRandom(21);
        float[] features = new float[10 * 6];
        int[] labels = new int[10];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) random.nextDouble();
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 3;
        }
        Dataset data = new Dataset(Tensor.wrapFloat32(Shape.of(10, 6), features), labels);
        Closeness closeness = new Closeness(1e-5, 1e-4);
        try (EpochTrainer crest = MlpSide.CREST.create(config, data, 1);
                EpochTrainer torch = MlpSide.TORCH.create(config, data, 1)) {
            for (int epoch = 0; epoch < 3; epoch++) {
                double crestLoss = crest.trainEpoch(epoch).meanLoss();
                double torchLoss = torch.trainEpoch(epoch).meanLoss();
                assertThat(closeness.test(crestLoss, torchLoss)).as("epoch %d: %s vs %s", epoch, crestLoss,
                        torchLoss).isTrue();
            }
        }
    }
}
