package dev.crest.ame.learn;

import dev.crest.tensor.linalg.Blas;
import dev.crest.tensor.nn.Linear;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The built-in logistic regression (no hidden layer) or one-hidden-layer ReLU MLP as flat float arrays, with a
 * hand-written forward pass and softmax-cross-entropy gradient on preallocated buffers.
 *
 * <p>Why it exists: an AME run trains thousands of tiny models (a 64×784 batch against a 784×10 or 784×64
 * weight), where the tape's per-step bookkeeping and tensor allocation cost as much as the arithmetic. Profiled
 * on 5,000 Fashion-MNIST images, 200 steps of batch 64, CPU time per submodel: tape 42 ms (logreg) and 90 ms
 * (MLP); plain Java loops without BLAS 150 ms and 870 ms (the JIT did not vectorize them); this class, the
 * same matrix products per layer as {@link Linear} through {@link Blas} without the tape, 30 ms and 74 ms.
 * The products are small, so BLAS must run single-threaded inside each AME worker thread
 * ({@code OPENBLAS_NUM_THREADS=1}, which the {@code crest} launcher sets for {@code crest ame}): with OpenBLAS's
 * own threads on top of two workers, a 100-submodel run took 170 s instead of 47 s.
 *
 * <p>The weights start exactly as the tape network's {@link Linear} layers drawn from the same generator and
 * are stored in the same layout ({@code w[j * in + k]} connects input k to output j), so both paths train the
 * same model up to float rounding. Not thread-safe: each training call owns its instance.
 */
final class DenseNetwork {
    private final int inputs;
    private final int hidden;
    private final int classes;
    /** All parameters in one array, so one Adam loop updates them: [w1, b1] then, for an MLP, [w2, b2]. */
    private final float[] parameters;
    private final float[] gradient;
    private final int w1;
    private final int b1;
    private final int w2;
    private final int b2;
    private int capacity;
    /** The examples of the current batch, row-major {@code [batch][inputs]}. */
    private float[] batch = new float[0];
    /** Hidden activations after ReLU and their gradient, both {@code [batch][hidden]}. */
    private float[] hiddenActivations = new float[0];
    private float[] hiddenGradient = new float[0];
    /** Logits {@code [batch][classes]}, turned into their gradient by {@link #lossGradient}. */
    private float[] logits = new float[0];

    private DenseNetwork(int inputs, int hidden, int classes) {
        this.inputs = inputs;
        this.hidden = hidden;
        this.classes = classes;
        int firstOut = hidden == 0 ? classes : hidden;
        w1 = 0;
        b1 = inputs * firstOut;
        w2 = b1 + firstOut;
        b2 = hidden == 0 ? w2 : w2 + classes * hidden;
        int size = hidden == 0 ? w2 : b2 + classes;
        parameters = new float[size];
        gradient = new float[size];
    }

    /**
     * A network initialized exactly as {@link BuiltInNetworks#logisticRegression()} ({@code hidden == 0}) or
     * {@link BuiltInNetworks#mlp(int)} would be from {@code random}.
     */
    static DenseNetwork initialized(int inputs, int hidden, int classes, SplittableRandom random) {
        DenseNetwork network = new DenseNetwork(inputs, hidden, classes);
        if (hidden == 0) {
            network.copy(new Linear(inputs, classes, random), network.w1, network.b1);
        } else {
            network.copy(new Linear(inputs, hidden, random), network.w1, network.b1);
            network.copy(new Linear(hidden, classes, random), network.w2, network.b2);
        }
        return network;
    }

    private void copy(Linear layer, int weightOffset, int biasOffset) {
        float[] weight = layer.weight().value().float32Data();
        System.arraycopy(weight, 0, parameters, weightOffset, weight.length);
        System.arraycopy(layer.bias().value().float32Data(), 0, parameters, biasOffset, layer.outFeatures());
    }

    int classes() {
        return classes;
    }

    /** Every parameter, flat (updated in place by the optimizer). */
    float[] parameters() {
        return parameters;
    }

    /** The gradient of the last {@link #lossGradient} call, laid out as {@link #parameters()}. */
    float[] gradient() {
        return gradient;
    }

    /** Element {@code (out, in)} of layer {@code layer}'s weight (0 = first) in {@code values}. */
    float weight(float[] values, int layer, int out, int in) {
        return layer == 0 ? values[w1 + out * inputs + in] : values[w2 + out * hidden + in];
    }

    /** Element {@code out} of layer {@code layer}'s bias in {@code values}. */
    float bias(float[] values, int layer, int out) {
        return values[(layer == 0 ? b1 : b2) + out];
    }

    /**
     * The class logits of examples {@code rows[from..to)} of {@code data} (example r at {@code r * inputs}),
     * row-major {@code (to − from) × classes}, in a buffer reused by the next call.
     */
    float[] forward(float[] data, int[] rows, int from, int to) {
        int count = to - from;
        gather(data, rows, from, count);
        if (hidden == 0) {
            affine(w1, b1, classes, inputs, batch, count, logits);
        } else {
            affine(w1, b1, hidden, inputs, batch, count, hiddenActivations);
            for (int i = 0; i < hidden * count; i++) {
                hiddenActivations[i] = Math.max(hiddenActivations[i], 0f);
            }
            affine(w2, b2, classes, hidden, hiddenActivations, count, logits);
        }
        return logits;
    }

    private void gather(float[] data, int[] rows, int from, int count) {
        if (count > capacity) {
            capacity = count;
            batch = new float[count * inputs];
            hiddenActivations = new float[count * hidden];
            hiddenGradient = new float[count * hidden];
            logits = new float[count * classes];
        }
        for (int b = 0; b < count; b++) {
            System.arraycopy(data, rows[from + b] * inputs, batch, b * inputs, inputs);
        }
    }

    /** out[count][outputs] = in[count][width] · Wᵀ + bias, as {@link Linear#forward}. */
    private void affine(int weights, int biases, int outputs, int width, float[] in, int count, float[] out) {
        for (int b = 0; b < count; b++) {
            System.arraycopy(parameters, biases, out, b * outputs, outputs);
        }
        Blas.sgemm(false, true, count, outputs, width, 1f, in, 0, width, parameters, weights, width,
                1f, out, 0, outputs);
    }

    /**
     * Runs the forward pass on examples {@code rows[from..to)} and leaves in {@link #gradient()} the gradient of
     * the mean softmax cross-entropy against their {@code labels}, as the tape computes it.
     */
    void lossGradient(float[] data, int[] labels, int[] rows, int from, int to) {
        int count = to - from;
        float[] z = forward(data, rows, from, to);
        // dLoss/dlogits = (softmax − onehot) / batch, in place.
        float scale = 1f / count;
        for (int b = 0; b < count; b++) {
            int offset = b * classes;
            float max = z[offset];
            for (int j = 1; j < classes; j++) {
                max = Math.max(max, z[offset + j]);
            }
            double sum = 0;
            for (int j = 0; j < classes; j++) {
                sum += Math.exp(z[offset + j] - max);
            }
            for (int j = 0; j < classes; j++) {
                z[offset + j] = (float) (Math.exp(z[offset + j] - max) / sum) * scale;
            }
            z[offset + labels[rows[from + b]]] -= scale;
        }
        Arrays.fill(gradient, 0f);
        if (hidden == 0) {
            weightGradient(w1, b1, classes, inputs, z, batch, count);
            return;
        }
        weightGradient(w2, b2, classes, hidden, z, hiddenActivations, count);
        // dH[batch][hidden] = dz[batch][classes] · W2, passed back only through active ReLU units.
        Blas.sgemm(false, false, count, hidden, classes, 1f, z, 0, classes, parameters, w2, hidden,
                0f, hiddenGradient, 0, hidden);
        for (int i = 0; i < count * hidden; i++) {
            if (hiddenActivations[i] <= 0f) {
                hiddenGradient[i] = 0f;
            }
        }
        weightGradient(w1, b1, hidden, inputs, hiddenGradient, batch, count);
    }

    /**
     * dW[outputs][width] = deltaᵀ · in and db = Σ_b delta[b] for a layer with output gradient {@code delta}
     * ({@code count × outputs}) and input {@code in} ({@code count × width}), as {@link Linear}'s backward.
     */
    private void weightGradient(int weights, int biases, int outputs, int width, float[] delta, float[] in,
            int count) {
        Blas.sgemm(true, false, outputs, width, count, 1f, delta, 0, outputs, in, 0, width,
                0f, gradient, weights, width);
        for (int b = 0; b < count; b++) {
            int row = b * outputs;
            for (int j = 0; j < outputs; j++) {
                gradient[biases + j] += delta[row + j];
            }
        }
    }
}
