package dev.crest.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AttributesTest {
    private final Attributes attributes = Attributes.builder()
            .put("axis", -1L)
            .put("alpha", 0.5)
            .put("mode", "constant")
            .put("pads", 1, 2, 3)
            .put("scales", 1.5, 2.0)
            .put("names", "a", "b")
            .put("value", Tensor.ofLongs(Shape.of(2), 7, 8))
            .build();

    @Test
    void typedGettersReturnValuesOrDefaults() {
        assertThat(attributes.getLong("axis")).isEqualTo(-1L);
        assertThat(attributes.getLong("axis", 5)).isEqualTo(-1L);
        assertThat(attributes.getInt("axis", 5)).isEqualTo(-1);
        assertThat(attributes.getInt("missing", 5)).isEqualTo(5);
        assertThat(attributes.getDouble("alpha", 0.01)).isEqualTo(0.5);
        assertThat(attributes.getDouble("beta", 0.01)).isEqualTo(0.01);
        assertThat(attributes.getString("mode", "reflect")).isEqualTo("constant");
        assertThat(attributes.getString("other", "reflect")).isEqualTo("reflect");
        assertThat(attributes.getLongs("pads")).containsExactly(1L, 2L, 3L);
        assertThat(attributes.getInts("pads", null)).containsExactly(1, 2, 3);
        assertThat(attributes.getInts("strides", new int[] {1, 1})).containsExactly(1, 1);
        assertThat(attributes.getLongs("strides")).isNull();
        assertThat(attributes.getDoubles("scales")).containsExactly(1.5, 2.0);
        assertThat(attributes.getStrings("names")).containsExactly("a", "b");
        assertThat(attributes.getTensor("value").toLongArray()).containsExactly(7L, 8L);
        assertThat(attributes.getTensor("none")).isNull();
        assertThat(attributes.has("mode")).isTrue();
        assertThat(attributes.has("nothing")).isFalse();
        assertThat(attributes.asMap().keySet()).containsExactly("axis", "alpha", "mode", "pads", "scales", "names",
                "value");
    }

    @Test
    void missingAndMistypedAttributesNameTheAttribute() {
        assertThatThrownBy(() -> attributes.getLong("to"))
                .isInstanceOf(TensorException.class)
                .hasMessage("missing required attribute 'to'");
        assertThatThrownBy(() -> attributes.getLong("alpha", 0))
                .isInstanceOf(TensorException.class)
                .hasMessage("attribute 'alpha' should be Long but is Double");
        assertThatThrownBy(() -> attributes.getDouble("axis", 0))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("'axis'");
        assertThatThrownBy(() -> attributes.getLongs("mode")).isInstanceOf(TensorException.class);
    }

    @Test
    void intGettersRejectValuesBeyondIntWithAUserError() {
        Attributes big = Attributes.builder().put("axis", 1L << 40).put("axes", 1L, 1L << 33).build();
        assertThatThrownBy(() -> big.getInt("axis", 0))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("'axis'");
        assertThatThrownBy(() -> big.getInts("axes", null))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("'axes'");
    }

    @Test
    void arraysAreCopiedInAndOut() {
        long[] pads = {1, 2};
        Attributes a = Attributes.builder().put("pads", pads).build();
        pads[0] = 9;
        assertThat(a.getLongs("pads")).containsExactly(1L, 2L);
        a.getLongs("pads")[1] = 9;
        assertThat(a.getLongs("pads")).containsExactly(1L, 2L);
    }

    @Test
    void equalityAndText() {
        Attributes a = Attributes.builder().put("axis", 1L).put("pads", 0, 1).build();
        Attributes b = Attributes.builder().put("axis", 1L).put("pads", 0L, 1L).build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(Attributes.builder().put("axis", 2L).put("pads", 0, 1).build());
        assertThat(a).hasToString("{axis=1, pads=[0, 1]}");
        assertThat(Attributes.builder().build()).isSameAs(Attributes.empty());
        assertThat(Attributes.empty()).hasToString("{}");
    }
}
