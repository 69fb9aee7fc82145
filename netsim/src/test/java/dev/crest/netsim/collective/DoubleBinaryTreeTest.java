package dev.crest.netsim.collective;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DoubleBinaryTreeTest {

    @Test
    void fourWorkersGiveTheHandDrawnTrees() {
        // Positions 1..4: 4 is the root (highest power of two), 2 hangs under 4, 1 and 3 under 2.
        // Tree 0 maps position p to worker p−1: 3 → 1 → {0, 2}. Tree 1 mirrors (N even): worker 4−p: 0 → 2 → {3, 1}.
        DoubleBinaryTree t = new DoubleBinaryTree(4);
        assertThat(t.root(0)).isEqualTo(3);
        assertThat(t.parent(0, 1)).isEqualTo(3);
        assertThat(t.parent(0, 0)).isEqualTo(1);
        assertThat(t.parent(0, 2)).isEqualTo(1);
        assertThat(t.root(1)).isEqualTo(0);
        assertThat(t.parent(1, 2)).isEqualTo(0);
        assertThat(t.parent(1, 3)).isEqualTo(2);
        assertThat(t.parent(1, 1)).isEqualTo(2);
    }

    @Test
    void oneWorkerIsItsOwnRoot() {
        DoubleBinaryTree t = new DoubleBinaryTree(1);
        assertThat(t.root(0)).isZero();
        assertThat(t.root(1)).isZero();
        assertThat(t.childCount(0, 0)).isZero();
    }

    @Property(tries = 60)
    void bothTreesSpanAllWorkersAndNoWorkerIsInnerInBoth(@ForAll @IntRange(min = 2, max = 300) int n) {
        DoubleBinaryTree t = new DoubleBinaryTree(n);
        for (int tree = 0; tree < 2; tree++) {
            int roots = 0;
            for (int w = 0; w < n; w++) {
                if (t.parent(tree, w) < 0) {
                    roots++;
                    assertThat(w).isEqualTo(t.root(tree));
                } else {
                    assertThat(childrenOf(t, tree, t.parent(tree, w))).contains(w);
                }
                // every worker reaches the root without cycles
                Set<Integer> seen = new HashSet<>();
                for (int x = w; x >= 0; x = t.parent(tree, x)) {
                    assertThat(seen.add(x)).isTrue();
                }
            }
            assertThat(roots).isEqualTo(1);
        }
        for (int w = 0; w < n; w++) {
            assertThat(t.childCount(0, w) > 0 && t.childCount(1, w) > 0)
                    .as("worker %d is inner in both trees of %d", w, n).isFalse();
        }
    }

    private static Set<Integer> childrenOf(DoubleBinaryTree t, int tree, int w) {
        Set<Integer> out = new HashSet<>();
        for (int i = 0; i < t.childCount(tree, w); i++) {
            out.add(t.child(tree, w, i));
        }
        return out;
    }
}
