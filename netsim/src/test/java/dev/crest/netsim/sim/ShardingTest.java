package dev.crest.netsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.netsim.workload.GradientEmission;
import dev.crest.netsim.workload.TensorSpec;
import dev.crest.netsim.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Even sharding balances bits greedily in model order; given sharding is taken as is. */
class ShardingTest {
    private static Workload sized(long... bits) {
        List<TensorSpec> tensors = new ArrayList<>();
        List<GradientEmission> backprop = new ArrayList<>();
        for (int t = 0; t < bits.length; t++) {
            tensors.add(new TensorSpec("t" + t, bits[t]));
            backprop.add(new GradientEmission(t, 0));
        }
        return new Workload("sized", tensors, 0, backprop);
    }

    @Test
    void evenShardingGivesEachTensorToTheLightestShard() {
        // Loads after each step: [8,0,0] → [8,1,0] → [8,1,1] → [8,6,1] (tie 1/1 → lowest index 1) → [8,6,3] → [8,6,8].
        int[] assignment = Sharding.even().assign(sized(8, 1, 1, 5, 2, 5), 3);
        assertThat(assignment).containsExactly(0, 1, 2, 1, 2, 2);
    }

    @Test
    void oneShardTakesEverything() {
        assertThat(Sharding.even().assign(sized(3, 4, 5), 1)).containsExactly(0, 0, 0);
    }

    @Test
    void givenShardingIsKept() {
        assertThat(Sharding.given(List.of(1, 0, 1)).assign(sized(3, 4, 5), 2)).containsExactly(1, 0, 1);
    }
}
