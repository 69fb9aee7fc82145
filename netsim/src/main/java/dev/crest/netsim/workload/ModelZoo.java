package dev.crest.netsim.workload;

import dev.crest.netsim.NetsimException;
import dev.crest.netsim.workload.ConvNetBuilder.FeatureMap;
import dev.crest.netsim.workload.ConvNetBuilder.Tail;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The built-in models, each described layer by layer from its published architecture so that parameter sizes
 * and FLOPs are computed, not quoted. Parameters are float32 and count trainable weights only (convolution
 * kernels, biases, batch-norm γ and β, embeddings, layer-norm gains and biases); batch-norm running statistics
 * are not gradients and are left out, as the published counts do.
 *
 * <p>Input sizes: 224×224 ImageNet images for the CNNs (the size their published FLOPs refer to), 299×299 for
 * Inception-v3 (its native size); 128 tokens per sequence for BERT (the length of 90% of BERT's pre-training
 * steps and the usual fine-tuning length) and 1,024 for GPT-2 (its full context, the length it was trained at).
 *
 * <p>Conventions, after the reference implementations: ResNets are torchvision's (bottleneck blocks, stride on
 * the 3×3 convolution, projection shortcuts where the shape changes, convolutions without bias followed by batch
 * norm); ResNet-200 uses the [3, 24, 36, 3] bottleneck stages of He et al.'s "Identity Mappings" paper.
 * Inception-v3 is torchvision's and, since it is a training workload, includes the auxiliary classifier that the
 * training loss uses (27.2M parameters; 23.8M without it). BERT is Hugging Face's {@code BertModel}
 * (embeddings, encoder, pooler; no pre-training heads). GPT-2 is the 124M model whose output projection shares the
 * token embedding: the projection costs FLOPs but adds no tensor.
 *
 * <p>Work is reported two ways: {@link Architecture#forwardMacsPerExample()} counts the multiply-accumulates of
 * convolutions and matrix products, the figure papers and torchvision quote as "FLOPs" (ResNet-50: 4.09 G per
 * 224×224 image); {@link Architecture#forwardFlopsPerExample()} counts two FLOPs per multiply-accumulate plus the
 * element-wise work of {@link FlopRules} (ResNet-50: 8.2 G), and is what forward times are computed from.
 *
 * <p>VGG16 at 224×224 has the standard 138,357,544 parameters (553 MB). The reference study's traced VGG16 was
 * about 822 MB with a 679 MB fully connected tensor because it was fed 299×299 images: five 2×2 pools take 299
 * to 9 instead of 7, so the first fully connected layer has 9·9·512·4096 = 169,869,312 weights instead of
 * 7·7·512·4096; {@code vgg16-299} ({@link #vgg16(int)} at 299) reproduces that model (205,466,408 parameters,
 * 821.9 MB).
 */
public final class ModelZoo {
    private static final int IMAGENET_CLASSES = 1000;
    /** Default sequence length of the BERT models. */
    public static final int BERT_SEQUENCE_LENGTH = 128;
    /** Default sequence length of GPT-2. */
    public static final int GPT2_SEQUENCE_LENGTH = 1024;

    private ModelZoo() {
    }

    /** The zoo by canonical name, in display order. */
    static Map<String, Architecture> all() {
        Map<String, Architecture> zoo = new LinkedHashMap<>();
        for (Architecture a : new Architecture[] {vgg16(), vgg16(299), resnet50(), resnet101(), resnet152(),
                resnet200(), inceptionV3(), bertBase(), bertLarge(), gpt2()}) {
            zoo.put(a.name(), a);
        }
        return zoo;
    }

    /** VGG16 (configuration D) at 224×224. */
    public static Architecture vgg16() {
        return vgg16(224);
    }

    /** VGG16 fed {@code imageSize}×{@code imageSize} images; the size changes the first fully connected layer. */
    public static Architecture vgg16(int imageSize) {
        if (imageSize < 32) {
            throw new NetsimException("VGG16 needs images of at least 32×32, got " + imageSize);
        }
        ConvNetBuilder b = new ConvNetBuilder(imageSize == 224 ? "vgg16" : "vgg16-" + imageSize,
                "3×" + imageSize + "×" + imageSize + " image");
        FeatureMap x = new FeatureMap(3, imageSize, imageSize);
        int[][] stages = {{64, 64}, {128, 128}, {256, 256, 256}, {512, 512, 512}, {512, 512, 512}};
        for (int s = 0; s < stages.length; s++) {
            for (int c = 0; c < stages[s].length; c++) {
                x = b.conv("conv" + (s + 1) + "_" + (c + 1), x, stages[s][c], 3, 1, 1, Tail.BIAS_RELU);
            }
            x = b.maxPool("pool" + (s + 1), x, 2, 2, 0);
        }
        x = b.fc("fc6", x, 4096, true);
        x = b.fc("fc7", x, 4096, true);
        b.fc("fc8", x, IMAGENET_CLASSES, false);
        return b.build();
    }

    public static Architecture resnet50() {
        return resnet("resnet50", 3, 4, 6, 3);
    }

    public static Architecture resnet101() {
        return resnet("resnet101", 3, 4, 23, 3);
    }

    public static Architecture resnet152() {
        return resnet("resnet152", 3, 8, 36, 3);
    }

    public static Architecture resnet200() {
        return resnet("resnet200", 3, 24, 36, 3);
    }

    private static Architecture resnet(String name, int... blocksPerStage) {
        ConvNetBuilder b = new ConvNetBuilder(name, "3×224×224 image");
        FeatureMap x = b.conv("conv1", new FeatureMap(3, 224, 224), 64, 7, 2, 3, Tail.BN_RELU);
        x = b.maxPool("maxpool", x, 3, 2, 1);
        int[] widths = {64, 128, 256, 512};
        for (int stage = 0; stage < 4; stage++) {
            for (int block = 0; block < blocksPerStage[stage]; block++) {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                x = bottleneck(b, "layer" + (stage + 1) + "." + block, x, widths[stage], stride);
            }
        }
        x = b.globalAvgPool("avgpool", x);
        b.fc("fc", x, IMAGENET_CLASSES, false);
        return b.build();
    }

    private static FeatureMap bottleneck(ConvNetBuilder b, String name, FeatureMap in, int width, int stride) {
        int outChannels = 4 * width;
        FeatureMap y = b.conv(name + ".conv1", in, width, 1, 1, 0, Tail.BN_RELU);
        y = b.conv(name + ".conv2", y, width, 3, stride, 1, Tail.BN_RELU);
        y = b.conv(name + ".conv3", y, outChannels, 1, 1, 0, Tail.BN);
        FeatureMap shortcut = in;
        if (stride != 1 || in.channels() != outChannels) {
            shortcut = b.conv(name + ".downsample", in, outChannels, 1, stride, 0, Tail.BN);
        }
        return b.addRelu(name + ".add", y, shortcut);
    }

    /** Inception-v3 at 299×299 with its auxiliary classifier. */
    public static Architecture inceptionV3() {
        return inceptionV3(true);
    }

    /** Inception-v3 at 299×299, with or without the auxiliary classifier used in training. */
    public static Architecture inceptionV3(boolean auxiliaryClassifier) {
        ConvNetBuilder b = new ConvNetBuilder(auxiliaryClassifier ? "inception-v3" : "inception-v3-noaux",
                "3×299×299 image");
        FeatureMap x = new FeatureMap(3, 299, 299);
        x = b.conv("Conv2d_1a_3x3", x, 32, 3, 2, 0, Tail.BN_RELU);
        x = b.conv("Conv2d_2a_3x3", x, 32, 3, 1, 0, Tail.BN_RELU);
        x = b.conv("Conv2d_2b_3x3", x, 64, 3, 1, 1, Tail.BN_RELU);
        x = b.maxPool("maxpool1", x, 3, 2, 0);
        x = b.conv("Conv2d_3b_1x1", x, 80, 1, 1, 0, Tail.BN_RELU);
        x = b.conv("Conv2d_4a_3x3", x, 192, 3, 1, 0, Tail.BN_RELU);
        x = b.maxPool("maxpool2", x, 3, 2, 0);
        x = inceptionA(b, "Mixed_5b", x, 32);
        x = inceptionA(b, "Mixed_5c", x, 64);
        x = inceptionA(b, "Mixed_5d", x, 64);
        x = inceptionB(b, "Mixed_6a", x);
        x = inceptionC(b, "Mixed_6b", x, 128);
        x = inceptionC(b, "Mixed_6c", x, 160);
        x = inceptionC(b, "Mixed_6d", x, 160);
        x = inceptionC(b, "Mixed_6e", x, 192);
        if (auxiliaryClassifier) {
            FeatureMap aux = b.avgPool("AuxLogits.pool", x, 5, 3, 0);
            aux = b.conv("AuxLogits.conv0", aux, 128, 1, 1, 0, Tail.BN_RELU);
            aux = b.conv("AuxLogits.conv1", aux, 768, 5, 1, 0, Tail.BN_RELU);
            aux = b.globalAvgPool("AuxLogits.avgpool", aux);
            b.fc("AuxLogits.fc", aux, IMAGENET_CLASSES, false);
        }
        x = inceptionD(b, "Mixed_7a", x);
        x = inceptionE(b, "Mixed_7b", x);
        x = inceptionE(b, "Mixed_7c", x);
        x = b.globalAvgPool("avgpool", x);
        b.fc("fc", x, IMAGENET_CLASSES, false);
        return b.build();
    }

    private static FeatureMap inceptionA(ConvNetBuilder b, String n, FeatureMap in, int poolFeatures) {
        FeatureMap b1 = b.conv(n + ".branch1x1", in, 64, 1, 1, 0, Tail.BN_RELU);
        FeatureMap b5 = b.conv(n + ".branch5x5_1", in, 48, 1, 1, 0, Tail.BN_RELU);
        b5 = b.conv(n + ".branch5x5_2", b5, 64, 5, 1, 2, Tail.BN_RELU);
        FeatureMap b3 = b.conv(n + ".branch3x3dbl_1", in, 64, 1, 1, 0, Tail.BN_RELU);
        b3 = b.conv(n + ".branch3x3dbl_2", b3, 96, 3, 1, 1, Tail.BN_RELU);
        b3 = b.conv(n + ".branch3x3dbl_3", b3, 96, 3, 1, 1, Tail.BN_RELU);
        FeatureMap bp = b.avgPool(n + ".branch_pool.avg", in, 3, 1, 1);
        bp = b.conv(n + ".branch_pool", bp, poolFeatures, 1, 1, 0, Tail.BN_RELU);
        return ConvNetBuilder.concat(n, b1, b5, b3, bp);
    }

    private static FeatureMap inceptionB(ConvNetBuilder b, String n, FeatureMap in) {
        FeatureMap b3 = b.conv(n + ".branch3x3", in, 384, 3, 2, 0, Tail.BN_RELU);
        FeatureMap bd = b.conv(n + ".branch3x3dbl_1", in, 64, 1, 1, 0, Tail.BN_RELU);
        bd = b.conv(n + ".branch3x3dbl_2", bd, 96, 3, 1, 1, Tail.BN_RELU);
        bd = b.conv(n + ".branch3x3dbl_3", bd, 96, 3, 2, 0, Tail.BN_RELU);
        FeatureMap bp = b.maxPool(n + ".branch_pool", in, 3, 2, 0);
        return ConvNetBuilder.concat(n, b3, bd, bp);
    }

    private static FeatureMap inceptionC(ConvNetBuilder b, String n, FeatureMap in, int c7) {
        FeatureMap b1 = b.conv(n + ".branch1x1", in, 192, 1, 1, 0, Tail.BN_RELU);
        FeatureMap b7 = b.conv(n + ".branch7x7_1", in, c7, 1, 1, 0, Tail.BN_RELU);
        b7 = b.conv(n + ".branch7x7_2", b7, c7, 1, 7, 1, 0, 3, Tail.BN_RELU);
        b7 = b.conv(n + ".branch7x7_3", b7, 192, 7, 1, 1, 3, 0, Tail.BN_RELU);
        FeatureMap bd = b.conv(n + ".branch7x7dbl_1", in, c7, 1, 1, 0, Tail.BN_RELU);
        bd = b.conv(n + ".branch7x7dbl_2", bd, c7, 7, 1, 1, 3, 0, Tail.BN_RELU);
        bd = b.conv(n + ".branch7x7dbl_3", bd, c7, 1, 7, 1, 0, 3, Tail.BN_RELU);
        bd = b.conv(n + ".branch7x7dbl_4", bd, c7, 7, 1, 1, 3, 0, Tail.BN_RELU);
        bd = b.conv(n + ".branch7x7dbl_5", bd, 192, 1, 7, 1, 0, 3, Tail.BN_RELU);
        FeatureMap bp = b.avgPool(n + ".branch_pool.avg", in, 3, 1, 1);
        bp = b.conv(n + ".branch_pool", bp, 192, 1, 1, 0, Tail.BN_RELU);
        return ConvNetBuilder.concat(n, b1, b7, bd, bp);
    }

    private static FeatureMap inceptionD(ConvNetBuilder b, String n, FeatureMap in) {
        FeatureMap b3 = b.conv(n + ".branch3x3_1", in, 192, 1, 1, 0, Tail.BN_RELU);
        b3 = b.conv(n + ".branch3x3_2", b3, 320, 3, 2, 0, Tail.BN_RELU);
        FeatureMap b7 = b.conv(n + ".branch7x7x3_1", in, 192, 1, 1, 0, Tail.BN_RELU);
        b7 = b.conv(n + ".branch7x7x3_2", b7, 192, 1, 7, 1, 0, 3, Tail.BN_RELU);
        b7 = b.conv(n + ".branch7x7x3_3", b7, 192, 7, 1, 1, 3, 0, Tail.BN_RELU);
        b7 = b.conv(n + ".branch7x7x3_4", b7, 192, 3, 2, 0, Tail.BN_RELU);
        FeatureMap bp = b.maxPool(n + ".branch_pool", in, 3, 2, 0);
        return ConvNetBuilder.concat(n, b3, b7, bp);
    }

    private static FeatureMap inceptionE(ConvNetBuilder b, String n, FeatureMap in) {
        FeatureMap b1 = b.conv(n + ".branch1x1", in, 320, 1, 1, 0, Tail.BN_RELU);
        FeatureMap b3 = b.conv(n + ".branch3x3_1", in, 384, 1, 1, 0, Tail.BN_RELU);
        FeatureMap b3a = b.conv(n + ".branch3x3_2a", b3, 384, 1, 3, 1, 0, 1, Tail.BN_RELU);
        FeatureMap b3b = b.conv(n + ".branch3x3_2b", b3, 384, 3, 1, 1, 1, 0, Tail.BN_RELU);
        FeatureMap bd = b.conv(n + ".branch3x3dbl_1", in, 448, 1, 1, 0, Tail.BN_RELU);
        bd = b.conv(n + ".branch3x3dbl_2", bd, 384, 3, 1, 1, Tail.BN_RELU);
        FeatureMap bda = b.conv(n + ".branch3x3dbl_3a", bd, 384, 1, 3, 1, 0, 1, Tail.BN_RELU);
        FeatureMap bdb = b.conv(n + ".branch3x3dbl_3b", bd, 384, 3, 1, 1, 1, 0, Tail.BN_RELU);
        FeatureMap bp = b.avgPool(n + ".branch_pool.avg", in, 3, 1, 1);
        bp = b.conv(n + ".branch_pool", bp, 192, 1, 1, 0, Tail.BN_RELU);
        return ConvNetBuilder.concat(n, b1, b3a, b3b, bda, bdb, bp);
    }

    /** BERT-base (12 layers, hidden 768, 12 heads) on 128-token sequences. */
    public static Architecture bertBase() {
        return new TransformerBuilder("bert-base", BERT_SEQUENCE_LENGTH, 768, 12).bert(12);
    }

    /** BERT-large (24 layers, hidden 1024, 16 heads) on 128-token sequences. */
    public static Architecture bertLarge() {
        return new TransformerBuilder("bert-large", BERT_SEQUENCE_LENGTH, 1024, 16).bert(24);
    }

    /** GPT-2 small (124M: 12 layers, hidden 768, 12 heads) on 1,024-token sequences. */
    public static Architecture gpt2() {
        return new TransformerBuilder("gpt2", GPT2_SEQUENCE_LENGTH, 768, 12).gpt2(12);
    }
}
