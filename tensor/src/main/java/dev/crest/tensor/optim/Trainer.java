package dev.crest.tensor.optim;

import dev.crest.tensor.Tensor;
import dev.crest.tensor.autodiff.Gradients;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;
import dev.crest.tensor.data.Batch;
import dev.crest.tensor.data.Dataset;
import dev.crest.tensor.data.MiniBatches;
import dev.crest.tensor.nn.Module;
import dev.crest.tensor.nn.SoftmaxCrossEntropy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Trains a classifier with softmax cross-entropy: for each shuffled mini-batch, a fresh tape records the
 * forward pass, the loss is differentiated, and the optimizer steps.
 */
public final class Trainer {
    private final Module model;
    private final Optimizer optimizer;

    public Trainer(Module model, Optimizer optimizer) {
        this.model = model;
        this.optimizer = optimizer;
    }

    /** Trains for {@code settings.epochs()} epochs and returns one result per epoch. */
    public List<EpochResult> fit(Dataset data, TrainingSettings settings) {
        return fit(data, settings, result -> { });
    }

    /**
     * Trains for {@code settings.epochs()} epochs, calling {@code progress} after each, and returns one result
     * per epoch.
     */
    public List<EpochResult> fit(Dataset data, TrainingSettings settings, Consumer<EpochResult> progress) {
        MiniBatches batches = new MiniBatches(data, settings.batchSize(), settings.seed());
        List<EpochResult> results = new ArrayList<>();
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            EpochResult result = trainEpoch(batches, epoch);
            results.add(result);
            progress.accept(result);
        }
        return results;
    }

    /** Runs epoch {@code epoch} of {@code batches} in training mode. */
    public EpochResult trainEpoch(MiniBatches batches, int epoch) {
        model.train();
        double lossSum = 0;
        long examples = 0;
        long correct = 0;
        for (Batch batch : batches.epoch(epoch)) {
            Tape tape = new Tape();
            Variable logits = model.forward(tape, tape.constant(batch.features()));
            Variable loss = SoftmaxCrossEntropy.of(tape, logits, batch.labels());
            Gradients gradients = tape.backward(loss);
            optimizer.step(gradients);
            Tensor lossValue = loss.value();
            lossSum += lossValue.getDouble(0) * batch.size();
            examples += batch.size();
            correct += Accuracy.countCorrect(logits.value(), batch.labels());
        }
        return new EpochResult(epoch, lossSum / examples, (double) correct / examples);
    }
}
