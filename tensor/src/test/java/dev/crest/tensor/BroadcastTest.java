package dev.crest.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class BroadcastTest {
    @Test
    void shapesAlignAtTheRight() {
        assertThat(Broadcast.shape(Shape.of(2, 3), Shape.of(3))).isEqualTo(Shape.of(2, 3));
        assertThat(Broadcast.shape(Shape.of(2, 1, 4), Shape.of(3, 1))).isEqualTo(Shape.of(2, 3, 4));
        assertThat(Broadcast.shape(Shape.scalar(), Shape.of(5))).isEqualTo(Shape.of(5));
        assertThat(Broadcast.shape(Shape.scalar(), Shape.scalar())).isEqualTo(Shape.scalar());
        assertThat(Broadcast.shape(Shape.of(1), Shape.of(0))).isEqualTo(Shape.of(0));
        assertThat(Broadcast.shape(Shape.of(0), Shape.of(1))).isEqualTo(Shape.of(0));
        assertThat(Broadcast.shape(Shape.of(4, 1), Shape.of(1, 5), Shape.of(1, 1))).isEqualTo(Shape.of(4, 5));
    }

    @Test
    void incompatibleShapesNameBothShapes() {
        assertThatThrownBy(() -> Broadcast.shape(Shape.of(2, 3), Shape.of(4)))
                .isInstanceOf(TensorException.class)
                .hasMessage("shapes [2, 3] and [4] cannot be broadcast together");
        assertThatThrownBy(() -> Broadcast.shape(Shape.of(0), Shape.of(2))).isInstanceOf(TensorException.class);
    }

    @Test
    void indexMapOfARowAndAColumn() {
        assertThat(Broadcast.indexMap(Shape.of(3), Shape.of(2, 3))).containsExactly(0, 1, 2, 0, 1, 2);
        assertThat(Broadcast.indexMap(Shape.of(2, 1), Shape.of(2, 3))).containsExactly(0, 0, 0, 1, 1, 1);
        assertThat(Broadcast.indexMap(Shape.scalar(), Shape.of(2, 2))).containsExactly(0, 0, 0, 0);
        assertThat(Broadcast.indexMap(Shape.of(2, 3), Shape.of(2, 3))).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(Broadcast.indexMap(Shape.of(1, 3), Shape.of(2, 0, 3))).isEmpty();
        assertThat(Broadcast.indexMap(Shape.scalar(), Shape.scalar())).containsExactly(0);
    }

    @Test
    void indexMapRejectsShapesThatDoNotBroadcastToTheOutput() {
        assertThatThrownBy(() -> Broadcast.indexMap(Shape.of(2, 3), Shape.of(3)))
                .isInstanceOf(TensorException.class)
                .hasMessage("shape [2, 3] cannot be broadcast to [3]");
        assertThatThrownBy(() -> Broadcast.indexMap(Shape.of(2), Shape.of(2, 3)))
                .isInstanceOf(TensorException.class);
        assertThatThrownBy(() -> Broadcast.indexMap(Shape.of(3, 1), Shape.of(1, 3)))
                .isInstanceOf(TensorException.class);
    }

    /** The index a naive coordinate walk reads: decompose the flat output index, clamp broadcast axes to 0. */
    private static int naiveIndex(Shape in, Shape out, int flat) {
        int[] outDims = out.dims();
        int[] coordinates = new int[outDims.length];
        for (int axis = outDims.length - 1; axis >= 0; axis--) {
            coordinates[axis] = flat % outDims[axis];
            flat /= outDims[axis];
        }
        int offset = out.rank() - in.rank();
        int index = 0;
        for (int axis = 0; axis < in.rank(); axis++) {
            int c = in.dim(axis) == 1 ? 0 : coordinates[offset + axis];
            index = index * in.dim(axis) + c;
        }
        return index;
    }

    @Property(tries = 60)
    void indexMapMatchesANaiveCoordinateWalk(@ForAll("broadcastPairs") List<Shape> pair) {
        Shape in = pair.get(0);
        Shape out = pair.get(1);
        int[] map = Broadcast.indexMap(in, out);
        assertThat(map).hasSize(out.size());
        for (int flat = 0; flat < out.size(); flat++) {
            assertThat(map[flat]).isEqualTo(naiveIndex(in, out, flat));
        }
        assertThat(Broadcast.shape(in, out)).isEqualTo(out);
    }

    /** An output shape of rank 0–5 and an input made by dropping leading axes and setting some axes to 1. */
    @Provide
    Arbitrary<List<Shape>> broadcastPairs() {
        Arbitrary<int[]> outDims = Arbitraries.integers().between(1, 4).array(int[].class).ofMinSize(0).ofMaxSize(5);
        Arbitrary<Long> masks = Arbitraries.longs().between(0, 1L << 10);
        Arbitrary<Integer> drops = Arbitraries.integers().between(0, 5);
        return Combinators.combine(outDims, masks, drops).as((dims, mask, drop) -> {
            int keep = Math.max(0, dims.length - drop);
            int[] in = new int[keep];
            for (int i = 0; i < keep; i++) {
                int outAxis = dims.length - keep + i;
                in[i] = ((mask >>> outAxis) & 1) != 0 ? 1 : dims[outAxis];
            }
            return List.of(Shape.of(in), Shape.of(dims));
        });
    }
}
