package dev.crest.bench.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import dev.crest.bench.mlp.EpochResult;
import dev.crest.bench.mlp.EpochTrainer;
import dev.crest.bench.mlp.LabelledImages;
import dev.crest.bench.mlp.MlpConfig;
import dev.crest.bench.mlp.MlpWeights;
import java.util.function.IntFunction;

/**
 * The MLP of {@link MlpConfig} trained in PyTorch through DJL's NDArray API and autograd: the baseline for
 * Crest's nn/optim training loop. The SGD-with-momentum update is done in place on the parameters, as
 * {@code torch.optim.SGD} does.
 */
public final class TorchMlpTrainer implements EpochTrainer {
    private final TorchRuntime runtime;
    private final MlpConfig config;
    private final LabelledImages data;
    private final IntFunction<int[]> orderOfEpoch;
    private final NDManager manager;
    private final NDArray[] parameters;
    private final NDArray[] velocities;

    /**
     * A network starting from {@code weights}, trained on {@code data} with the example order of each epoch
     * given by {@code orderOfEpoch} (indices into {@code data}).
     */
    public TorchMlpTrainer(TorchRuntime runtime, MlpConfig config, MlpWeights weights, LabelledImages data,
            IntFunction<int[]> orderOfEpoch) {
        this.runtime = runtime;
        this.config = config;
        this.data = data;
        this.orderOfEpoch = orderOfEpoch;
        this.manager = runtime.engine().newBaseManager();
        this.parameters = new NDArray[] {
            parameter(weights.hiddenWeight(), new Shape(config.inputs(), config.hidden())),
            parameter(weights.hiddenBias(), new Shape(config.hidden())),
            parameter(weights.outputWeight(), new Shape(config.hidden(), config.classes())),
            parameter(weights.outputBias(), new Shape(config.classes())),
        };
        this.velocities = new NDArray[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            velocities[i] = manager.zeros(parameters[i].getShape());
        }
    }

    private NDArray parameter(float[] values, Shape shape) {
        NDArray array = manager.create(values, shape);
        array.setRequiresGradient(true);
        return array;
    }

    /**
     * Trains one epoch: mini-batches of {@code config.batchSize()} examples in the epoch's order (the last batch
     * may be smaller). The epoch's loss is the mean batch loss weighted by batch size.
     */
    @Override
    public EpochResult trainEpoch(int epoch) {
        long start = System.nanoTime();
        int[] order = orderOfEpoch.apply(epoch);
        double lossSum = 0;
        for (int from = 0; from < order.length; from += config.batchSize()) {
            int size = Math.min(config.batchSize(), order.length - from);
            lossSum += step(order, from, size) * size;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new EpochResult(seconds, lossSum / order.length);
    }

    private float step(int[] order, int from, int size) {
        int features = data.features();
        float[] pixels = new float[size * features];
        long[] labels = new long[size];
        for (int i = 0; i < size; i++) {
            int example = order[from + i];
            System.arraycopy(data.pixels(), example * features, pixels, i * features, features);
            labels[i] = data.labels()[example];
        }
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray x = manager.create(pixels, new Shape(size, features));
            NDArray y = manager.create(labels, new Shape(size, 1));
            float loss;
            try (GradientCollector collector = runtime.engine().newGradientCollector()) {
                NDArray hidden = Activation.relu(x.matMul(parameters[0]).add(parameters[1]));
                NDArray logits = hidden.matMul(parameters[2]).add(parameters[3]);
                NDArray lossArray = logits.logSoftmax(1).gather(y, 1).mean().neg();
                collector.backward(lossArray);
                loss = lossArray.getFloat();
            }
            for (int i = 0; i < parameters.length; i++) {
                NDArray gradient = parameters[i].getGradient();
                velocities[i].muli(config.momentum()).addi(gradient);
                parameters[i].subi(velocities[i].mul(config.learningRate()));
                gradient.muli(0f); // PyTorch accumulates gradients across backward calls
            }
            return loss;
        }
    }

    /** The current parameters (hidden weight, hidden bias, output weight, output bias), row-major. */
    public float[][] parameterValues() {
        float[][] values = new float[parameters.length][];
        for (int i = 0; i < parameters.length; i++) {
            values[i] = parameters[i].toFloatArray();
        }
        return values;
    }

    @Override
    public String description() {
        return "PyTorch " + runtime.version() + " via DJL (autograd), " + runtime.reportedThreads() + " threads";
    }

    @Override
    public void close() {
        manager.close();
    }
}
