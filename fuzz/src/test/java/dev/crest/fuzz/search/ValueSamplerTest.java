package dev.crest.fuzz.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ValueSamplerTest {
    private final ValueSampler sampler = new ValueSampler(3, 7);

    private static TreeSet<Long> distinct(Tensor t) {
        TreeSet<Long> seen = new TreeSet<>();
        for (long v : t.toLongArray()) {
            seen.add(v);
        }
        return seen;
    }

    @Test
    void firstDrawsStayInTheInitialRange() {
        SearchedValue v = new SearchedValue("i", DType.INT32, Shape.of(1000));
        TreeSet<Long> seen = distinct(sampler.draw(v, new SplittableRandom(1)));
        assertThat(seen).containsExactly(3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void restartsDrawSignedIntegersFromMinusSevenToSeven() {
        SearchedValue v = new SearchedValue("i", DType.INT16, Shape.of(10));
        SplittableRandom random = new SplittableRandom(2);
        TreeSet<Long> seen = new TreeSet<>();
        for (int k = 0; k < 200; k++) {
            seen.addAll(distinct(sampler.redraw(v, random)));
        }
        assertThat(seen.first()).isEqualTo(-7L);
        assertThat(seen.last()).isEqualTo(7L);
        assertThat(seen).hasSize(15);
    }

    @Test
    void restartsDrawUnsignedIntegersFromZeroUp() {
        SearchedValue v = new SearchedValue("u", DType.UINT8, Shape.of(10));
        SplittableRandom random = new SplittableRandom(3);
        TreeSet<Long> seen = new TreeSet<>();
        for (int k = 0; k < 200; k++) {
            seen.addAll(distinct(sampler.redraw(v, random)));
        }
        assertThat(seen).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void restartsDrawFloatsFromTheInitialRange() {
        SearchedValue v = new SearchedValue("x", DType.FLOAT32, Shape.of(100));
        for (double x : sampler.redraw(v, new SplittableRandom(4)).toDoubleArray()) {
            assertThat(x).isBetween(3.0, 7.0);
        }
    }
}
