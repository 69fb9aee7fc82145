package dev.crest.netsim.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.netsim.NetsimException;
import org.junit.jupiter.api.Test;

class RateFormatTest {
    @Test
    void parsesTheFormsPeopleType() {
        assertThat(RateFormat.parse("25G")).isEqualTo(25e9);
        assertThat(RateFormat.parse("100Gbps")).isEqualTo(100e9);
        assertThat(RateFormat.parse("10e9")).isEqualTo(10e9);
        assertThat(RateFormat.parse("400M")).isEqualTo(400e6);
        assertThat(RateFormat.parse("1.5Tb/s")).isEqualTo(1.5e12);
        assertThat(RateFormat.parse(" 200 gbps ")).isEqualTo(200e9);
        assertThat(RateFormat.parse("56k")).isEqualTo(56e3);
        assertThat(RateFormat.parse("12000")).isEqualTo(12000);
    }

    @Test
    void rejectsZeroNegativeAndGarbageWithAOneLineMessage() {
        for (String bad : new String[] {"0", "0G", "-25G", "fast", "25X", "", "G", "1e400"}) {
            assertThatThrownBy(() -> RateFormat.parse(bad)).as(bad).isInstanceOf(NetsimException.class)
                    .hasMessageNotContaining("\n");
        }
        assertThatThrownBy(() -> RateFormat.parse("-25G")).hasMessageContaining("positive");
    }

    @Test
    void formatsShortAndRoundTrips() {
        assertThat(RateFormat.format(25e9)).isEqualTo("25G");
        assertThat(RateFormat.format(400e6)).isEqualTo("400M");
        assertThat(RateFormat.format(1.5e12)).isEqualTo("1.5T");
        assertThat(RateFormat.format(999)).isEqualTo("999");
        for (double r : new double[] {25e9, 100e9, 1.25e9, 3.3e6, 7, 12345.5}) {
            assertThat(RateFormat.parse(RateFormat.format(r))).isEqualTo(r);
        }
    }
}
