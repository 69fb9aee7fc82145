package dev.crest.ame.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.crest.ame.AmeException;
import org.junit.jupiter.api.Test;

class OutcomeTest {
    /** Logits ln 1, ln 2, ln 5: softmax is exactly (0.125, 0.25, 0.625). */
    private static final float[] LOGITS = {0f, (float) Math.log(2), (float) Math.log(5)};

    @Test
    void parsesEveryFormAndRoundTripsItsSpec() {
        for (String spec : new String[] {"prob:target=3", "prob:predicted", "loss", "margin", "margin:target=0"}) {
            assertThat(Outcome.parse(spec).spec()).isEqualTo(spec);
        }
        assertThat(Outcome.parse(" prob:target=2 ")).isEqualTo(new Outcome.TargetProbability(2));
    }

    @Test
    void valuesOnHandComputedLogits() {
        // softmax of (0, ln 2, ln 5) is (1, 2, 5) / 8; float rounding of ln keeps errors near 1e-7.
        assertThat(Outcome.parse("prob:target=1").of(LOGITS, 0)).isCloseTo(0.25, within(1e-6));
        assertThat(Outcome.parse("prob:predicted").of(LOGITS, 0)).isCloseTo(0.625, within(1e-6));
        assertThat(Outcome.parse("loss").of(LOGITS, 0)).isCloseTo(Math.log(8), within(1e-6));
        assertThat(Outcome.parse("margin").of(LOGITS, 1)).isCloseTo(Math.log(2) - Math.log(5), within(1e-6));
        assertThat(Outcome.parse("margin:target=2").of(LOGITS, 0)).isCloseTo(Math.log(5) - Math.log(2), within(1e-6));
    }

    @Test
    void badSpecsAndClassesOutOfRangeAreUserErrors() {
        assertThatThrownBy(() -> Outcome.parse("accuracy")).isInstanceOf(AmeException.class)
                .hasMessageContaining("unknown outcome 'accuracy'");
        assertThatThrownBy(() -> Outcome.parse("prob:target=x")).isInstanceOf(AmeException.class)
                .hasMessageContaining("whole class number");
        assertThatThrownBy(() -> Outcome.parse("prob:target=-1")).isInstanceOf(AmeException.class)
                .hasMessageContaining("0 or more");
        assertThatThrownBy(() -> Outcome.parse("prob:target=3").of(LOGITS, 0)).isInstanceOf(AmeException.class)
                .hasMessageContaining("model has 3 classes");
    }

    @Test
    void validationCatchesTargetsAndQueryLabelsOutsideTheModel() {
        Outcome.parse("prob:target=2").validate(3, new int[] {7});
        Outcome.parse("prob:predicted").validate(3, new int[] {7});
        assertThatThrownBy(() -> Outcome.parse("prob:target=3").validate(3, new int[] {0}))
                .isInstanceOf(AmeException.class).hasMessageContaining("class 3 is out of range");
        assertThatThrownBy(() -> Outcome.parse("margin:target=5").validate(3, new int[] {0}))
                .isInstanceOf(AmeException.class).hasMessageContaining("class 5 is out of range");
        assertThatThrownBy(() -> Outcome.parse("loss").validate(3, new int[] {0, 4}))
                .isInstanceOf(AmeException.class).hasMessageContaining("query 1 is labelled 4");
        assertThatThrownBy(() -> Outcome.parse("margin").validate(2, new int[] {2}))
                .isInstanceOf(AmeException.class).hasMessageContaining("query 0 is labelled 2");
    }
}
