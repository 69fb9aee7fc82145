package dev.crest.netsim.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.netsim.NetsimException;
import org.junit.jupiter.api.Test;

class AxisValuesTest {
    @Test
    void splitsPlainLists() {
        assertThat(AxisValues.split("--models", "vgg16, inception-v3")).containsExactly("vgg16", "inception-v3");
        assertThat(AxisValues.split("--workers", "32")).containsExactly("32");
    }

    @Test
    void expandsGeometricAndArithmeticProgressions() {
        assertThat(AxisValues.split("--workers", "2,4,8,...,128"))
                .containsExactly("2", "4", "8", "16", "32", "64", "128");
        assertThat(AxisValues.split("--workers", "8,16,24,...,48")).containsExactly("8", "16", "24", "32", "40", "48");
        assertThat(AxisValues.split("--workers", "1,3,9,...,81")).containsExactly("1", "3", "9", "27", "81");
    }

    @Test
    void rejectsAmbiguousOrUnreachableProgressions() {
        assertThatThrownBy(() -> AxisValues.split("--workers", "2,4,...,128"))
                .isInstanceOf(NetsimException.class).hasMessageContaining("ambiguous");
        assertThatThrownBy(() -> AxisValues.split("--workers", "2,4,8,...,100"))
                .isInstanceOf(NetsimException.class).hasMessageContaining("does not reach 100");
        assertThatThrownBy(() -> AxisValues.split("--workers", "2,3,5,...,100"))
                .isInstanceOf(NetsimException.class).hasMessageContaining("neither");
        assertThatThrownBy(() -> AxisValues.split("--workers", "2,,4"))
                .isInstanceOf(NetsimException.class).hasMessageContaining("empty value");
        assertThatThrownBy(() -> AxisValues.split("--workers", "1,2,3,...,100000000"))
                .isInstanceOf(NetsimException.class).hasMessageContaining("more than");
    }
}
