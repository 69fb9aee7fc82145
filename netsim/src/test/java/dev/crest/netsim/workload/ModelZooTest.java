package dev.crest.netsim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class ModelZooTest {

    @Test
    void parameterCountsMatchTheExactPublishedFigures() {
        // torchvision's model cards and the GPT-2 checkpoint
        assertThat(ModelZoo.vgg16().parameterCount()).isEqualTo(138_357_544L);
        assertThat(ModelZoo.resnet50().parameterCount()).isEqualTo(25_557_032L);
        assertThat(ModelZoo.resnet101().parameterCount()).isEqualTo(44_549_160L);
        assertThat(ModelZoo.resnet152().parameterCount()).isEqualTo(60_192_808L);
        assertThat(ModelZoo.inceptionV3(true).parameterCount()).isEqualTo(27_161_264L);
        assertThat(ModelZoo.inceptionV3(false).parameterCount()).isEqualTo(23_834_568L);
        assertThat(ModelZoo.gpt2().parameterCount()).isEqualTo(124_439_808L);
        // Hugging Face BertModel (bert-base-uncased, bert-large-uncased)
        assertThat(ModelZoo.bertBase().parameterCount()).isEqualTo(109_482_240L);
        assertThat(ModelZoo.bertLarge().parameterCount()).isEqualTo(335_141_888L);
    }

    @Test
    void parameterCountsAreWithinTwoPercentOfTheRoundedPublishedFigures() {
        // figures published only approximately: ResNet-200 "64.7M", BERT "110M"/"340M" (Devlin et al.)
        assertThat((double) ModelZoo.resnet200().parameterCount()).isCloseTo(64.7e6, withinPercentage(1));
        assertThat((double) ModelZoo.bertBase().parameterCount()).isCloseTo(110e6, withinPercentage(2));
        assertThat((double) ModelZoo.bertLarge().parameterCount()).isCloseTo(340e6, withinPercentage(2));
    }

    @Test
    void modelSizesMatchTheReferenceStudysTraces() {
        // the study's traced sizes in MB (10^6 bytes): Inception-v3 ~109, ResNet-101 ~179, ResNet-200 ~259,
        // VGG16 ~822 with a 679 MB fully connected tensor (fed 299x299 images)
        assertThat(megabytes(ModelZoo.inceptionV3())).isCloseTo(109, within(1.0));
        assertThat(megabytes(ModelZoo.resnet101())).isCloseTo(179, within(1.0));
        assertThat(megabytes(ModelZoo.resnet200())).isCloseTo(259, within(1.0));
        Architecture vgg299 = ModelZoo.vgg16(299);
        assertThat(megabytes(vgg299)).isCloseTo(822, within(1.0));
        long largest = vgg299.layers().stream().flatMap(l -> l.parameterElements().values().stream())
                .mapToLong(Long::longValue).max().orElseThrow();
        assertThat(largest).isEqualTo(9L * 9 * 512 * 4096);
        assertThat(largest * 4 / 1e6).isCloseTo(679, within(1.0));
    }

    @Test
    void forwardMultiplyAccumulatesMatchPublishedGmacs() {
        // torchvision's "GFLOPS" column (multiply-accumulates, per 224x224 or 299x299 image)
        assertThat(ModelZoo.resnet50().forwardMacsPerExample() / 1e9).isCloseTo(4.09, withinPercentage(2));
        assertThat(ModelZoo.resnet101().forwardMacsPerExample() / 1e9).isCloseTo(7.80, withinPercentage(2));
        assertThat(ModelZoo.resnet152().forwardMacsPerExample() / 1e9).isCloseTo(11.51, withinPercentage(2));
        assertThat(ModelZoo.vgg16().forwardMacsPerExample() / 1e9).isCloseTo(15.47, withinPercentage(2));
        assertThat(ModelZoo.inceptionV3(false).forwardMacsPerExample() / 1e9).isCloseTo(5.71, withinPercentage(2));
    }

    @Test
    void flopsCountTwoPerMultiplyAccumulatePlusASmallElementwiseShare() {
        for (Architecture a : ModelZoo.all().values()) {
            double ratio = (double) a.forwardFlopsPerExample() / a.forwardMacsPerExample();
            assertThat(ratio).as(a.name()).isBetween(2.0, 2.1);
        }
    }

    @Test
    void transformerFlopsFollowTheTwoFlopsPerParameterPerTokenRule() {
        // Kaplan et al.: forward ≈ 2·N·tokens plus attention 2·layers·seq²·hidden (MACs: half of that)
        double gpt2Macs = ModelZoo.gpt2().forwardMacsPerExample();
        double expected = 1024.0 * (124_439_808 - 1024 * 768) + 12.0 * 2 * 1024 * 1024 * 768;
        assertThat(gpt2Macs).isCloseTo(expected, withinPercentage(1));
        double bertMacs = ModelZoo.bertBase().forwardMacsPerExample();
        double nonEmbedding = 12.0 * (4 * 768 * 768 + 2 * 768 * 3072);
        assertThat(bertMacs).isCloseTo(128 * nonEmbedding + 12.0 * 2 * 128 * 128 * 768 + 768 * 768, withinPercentage(0.01));
    }

    @Test
    void tensorNamesAreUniqueWithinEachModel() {
        for (Architecture a : ModelZoo.all().values()) {
            long distinct = a.layers().stream().flatMap(l -> l.parameterElements().keySet().stream()).distinct().count();
            assertThat(distinct).as(a.name()).isEqualTo(a.tensorCount());
        }
    }

    private static double megabytes(Architecture a) {
        return a.parameterCount() * Architecture.BITS_PER_PARAMETER / 8 / 1e6;
    }
}
