package dev.crest.bench.mlp;

import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.data.Dataset;
import dev.crest.tensor.data.MiniBatches;
import dev.crest.tensor.linalg.Blas;
import dev.crest.tensor.nn.Linear;
import dev.crest.tensor.nn.ReLU;
import dev.crest.tensor.nn.Sequential;
import dev.crest.tensor.optim.Sgd;
import dev.crest.tensor.optim.SgdSettings;
import dev.crest.tensor.optim.Trainer;

/**
 * Crest's side of the MLP benchmark: {@code Linear-ReLU-Linear} trained by Crest's own {@link Trainer} with
 * softmax cross-entropy and {@link Sgd} with momentum, over the {@link MiniBatches} of the config's seed.
 */
public final class CrestMlpTrainer implements EpochTrainer {
    private final Trainer trainer;
    private final MiniBatches batches;

    /** A network starting from {@code weights}, trained on {@code data} (features {@code [n, inputs]}). */
    public CrestMlpTrainer(MlpConfig config, MlpWeights weights, Dataset data) {
        Linear hidden = new Linear(config.inputs(), config.hidden(), config.seed());
        Linear output = new Linear(config.hidden(), config.classes(), config.seed());
        // Crest's Linear keeps W as [out, in]; the shared weights are [in, out].
        hidden.weight().setValue(Tensor.wrapFloat32(Shape.of(config.hidden(), config.inputs()),
                MlpWeights.transpose(weights.hiddenWeight(), config.inputs(), config.hidden())));
        hidden.bias().setValue(Tensor.ofFloats(Shape.of(config.hidden()), weights.hiddenBias()));
        output.weight().setValue(Tensor.wrapFloat32(Shape.of(config.classes(), config.hidden()),
                MlpWeights.transpose(weights.outputWeight(), config.hidden(), config.classes())));
        output.bias().setValue(Tensor.ofFloats(Shape.of(config.classes()), weights.outputBias()));
        Sequential model = new Sequential(hidden, new ReLU(), output);
        Sgd sgd = new Sgd(model.parameters(), SgdSettings.defaults().withLearningRate(config.learningRate())
                .withMomentum(config.momentum()));
        this.trainer = new Trainer(model, sgd);
        this.batches = new MiniBatches(data, config.batchSize(), config.seed());
    }

    @Override
    public EpochResult trainEpoch(int epoch) {
        long start = System.nanoTime();
        double loss = trainer.trainEpoch(batches, epoch).meanLoss();
        return new EpochResult((System.nanoTime() - start) / 1e9, loss);
    }

    @Override
    public String description() {
        return "Crest nn/optim (BLAS: " + Blas.implementationName() + ")";
    }

    @Override
    public void close() {
        // Nothing native to free.
    }
}
