package dev.crest.fuzz.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageNormalizerTest {
    @Test
    void stripsNumbersNamesAndAddresses() {
        String a = "test-opt disagrees with reference: output 'v12' element 3: 1.5 vs 2.0 (max abs error 0.500, "
                + "max rel error 0.250)";
        String b = "test-opt disagrees with reference: output 'out_7' element 40: -3e-05 vs 7 (max abs error 7.00, "
                + "max rel error 1.00)";
        assertThat(MessageNormalizer.normalize(a)).isEqualTo(MessageNormalizer.normalize(b))
                .isEqualTo("test-opt disagrees with reference: output '_' element #: # vs # (max abs error #, "
                        + "max rel error #)");
    }

    @Test
    void collapsesShapesPathsAndPointers() {
        String a = "Node (n3) Op (Conv) [ShapeInferenceError] shapes [1, 3, 8, 8] and [2, 4] at 0x7f3a2c001200 "
                + "in /tmp/crest/model-17.onnx";
        String b = "Node (n11) Op (Conv) [ShapeInferenceError] shapes [5] and [1, 1] at 0xdeadbeef in /home/u/x.onnx";
        assertThat(MessageNormalizer.normalize(a)).isEqualTo(MessageNormalizer.normalize(b))
                .contains("Op (Conv)").contains("[#]").contains("<address>").contains("<path>");
    }

    @Test
    void keepsWhatDistinguishesBugs() {
        assertThat(MessageNormalizer.normalize("Op (Conv) failed: kernel not found"))
                .isNotEqualTo(MessageNormalizer.normalize("Op (Gemm) failed: kernel not found"));
        assertThat(MessageNormalizer.normalize("output 'y' has shape [2, 3] instead of [3, 2]"))
                .isNotEqualTo(MessageNormalizer.normalize("output 'y' element 1: 1 vs 2"));
    }

    @Test
    void treatsNonFiniteValuesAsNumbersAndCollapsesWhitespace() {
        assertThat(MessageNormalizer.normalize("element 2: NaN  vs\n 1.0"))
                .isEqualTo(MessageNormalizer.normalize("element 9: -Infinity vs 3"))
                .isEqualTo("element #: # vs #");
    }

    @Test
    void cutsVeryLongMessages() {
        assertThat(MessageNormalizer.normalize("x".repeat(1000))).hasSize(MessageNormalizer.MAX_LENGTH);
    }
}
