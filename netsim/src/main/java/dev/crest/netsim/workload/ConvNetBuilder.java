package dev.crest.netsim.workload;

import dev.crest.netsim.NetsimException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Describes a convolutional network layer by layer while tracking the feature-map size, so each layer's
 * parameters and FLOPs follow from its definition. Output sizes use {@code floor((in + 2·pad − k) / stride) + 1}.
 */
final class ConvNetBuilder {
    /** A feature map of one example: channels × height × width. */
    record FeatureMap(int channels, int height, int width) {
        long elements() {
            return (long) channels * height * width;
        }
    }

    /** What follows a convolution in the same layer. */
    enum Tail {
        /** bias then ReLU (VGG) */
        BIAS_RELU,
        /** batch norm (γ, β) then ReLU */
        BN_RELU,
        /** batch norm alone (before a residual add) */
        BN
    }

    private final String name;
    private final String input;
    private final List<ArchitectureLayer> layers = new ArrayList<>();

    ConvNetBuilder(String name, String input) {
        this.name = name;
        this.input = input;
    }

    FeatureMap conv(String layer, FeatureMap in, int outChannels, int kernel, int stride, int pad, Tail tail) {
        return conv(layer, in, outChannels, kernel, kernel, stride, pad, pad, tail);
    }

    /** A {@code kh×kw} convolution from {@code in.channels()} to {@code outChannels}, with its tail. */
    FeatureMap conv(String layer, FeatureMap in, int outChannels, int kh, int kw, int stride, int padH, int padW,
            Tail tail) {
        FeatureMap out = new FeatureMap(outChannels, outSize(in.height(), kh, stride, padH),
                outSize(in.width(), kw, stride, padW));
        Map<String, Long> params = new LinkedHashMap<>();
        params.put(layer + ".weight", (long) outChannels * in.channels() * kh * kw);
        long macs = out.elements() * in.channels() * kh * kw;
        long flops = FlopRules.PER_MAC * macs;
        if (tail == Tail.BIAS_RELU) {
            params.put(layer + ".bias", (long) outChannels);
            flops += 2L * FlopRules.ELEMENTWISE * out.elements();
        } else {
            params.put(layer + ".bn.gamma", (long) outChannels);
            params.put(layer + ".bn.beta", (long) outChannels);
            flops += FlopRules.BATCH_NORM * out.elements();
            if (tail == Tail.BN_RELU) {
                flops += FlopRules.ELEMENTWISE * out.elements();
            }
        }
        layers.add(new ArchitectureLayer(layer, params, macs, flops));
        return out;
    }

    FeatureMap maxPool(String layer, FeatureMap in, int kernel, int stride, int pad) {
        return pool(layer, in, kernel, stride, pad);
    }

    FeatureMap avgPool(String layer, FeatureMap in, int kernel, int stride, int pad) {
        return pool(layer, in, kernel, stride, pad);
    }

    private FeatureMap pool(String layer, FeatureMap in, int kernel, int stride, int pad) {
        FeatureMap out = new FeatureMap(in.channels(), outSize(in.height(), kernel, stride, pad),
                outSize(in.width(), kernel, stride, pad));
        layers.add(new ArchitectureLayer(layer, Map.of(), 0, out.elements() * kernel * kernel));
        return out;
    }

    /** Global average pooling to 1×1. */
    FeatureMap globalAvgPool(String layer, FeatureMap in) {
        layers.add(new ArchitectureLayer(layer, Map.of(), 0, in.elements()));
        return new FeatureMap(in.channels(), 1, 1);
    }

    /** A fully connected layer with bias from the flattened {@code in}, optionally followed by ReLU. */
    FeatureMap fc(String layer, FeatureMap in, int outFeatures, boolean relu) {
        long inFeatures = in.elements();
        Map<String, Long> params = new LinkedHashMap<>();
        params.put(layer + ".weight", inFeatures * outFeatures);
        params.put(layer + ".bias", (long) outFeatures);
        long macs = inFeatures * outFeatures;
        long flops = FlopRules.PER_MAC * macs + (relu ? 2L : 1L) * FlopRules.ELEMENTWISE * outFeatures;
        layers.add(new ArchitectureLayer(layer, params, macs, flops));
        return new FeatureMap(outFeatures, 1, 1);
    }

    /** A residual addition of two equal maps followed by ReLU. */
    FeatureMap addRelu(String layer, FeatureMap a, FeatureMap b) {
        if (!a.equals(b)) {
            throw new IllegalStateException(layer + ": residual maps differ: " + a + " vs " + b);
        }
        layers.add(new ArchitectureLayer(layer, Map.of(), 0, 2L * FlopRules.ELEMENTWISE * a.elements()));
        return a;
    }

    /** Channel concatenation of equally sized maps; free. */
    static FeatureMap concat(String layer, FeatureMap... parts) {
        int channels = 0;
        for (FeatureMap p : parts) {
            if (p.height() != parts[0].height() || p.width() != parts[0].width()) {
                throw new IllegalStateException(layer + ": concatenated maps differ in size");
            }
            channels += p.channels();
        }
        return new FeatureMap(channels, parts[0].height(), parts[0].width());
    }

    Architecture build() {
        return new Architecture(name, input, layers);
    }

    static int outSize(int in, int kernel, int stride, int pad) {
        int out = Math.floorDiv(in + 2 * pad - kernel, stride) + 1;
        if (out <= 0) {
            throw new NetsimException("input too small: a feature map of size " + in + " cannot take a " + kernel
                    + "-wide window");
        }
        return out;
    }
}
