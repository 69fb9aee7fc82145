package dev.crest.netsim.collective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.netsim.NetsimException;
import dev.crest.netsim.workload.TensorSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkPlanTest {

    @Test
    void cutsEachTensorSeparatelyWithTheRemainderLast() {
        ChunkPlan plan = ChunkPlan.of(List.of(new TensorSpec("a", 25), new TensorSpec("b", 10),
                new TensorSpec("c", 3)), 10);
        // a → 10, 10, 5; b → 10; c → 3
        assertThat(plan.chunkCount()).isEqualTo(5);
        assertThat(plan.bitsOf(0)).isEqualTo(10);
        assertThat(plan.bitsOf(2)).isEqualTo(5);
        assertThat(plan.tensorOf(3)).isEqualTo(1);
        assertThat(plan.bitsOf(4)).isEqualTo(3);
        assertThat(plan.firstChunkOf(1)).isEqualTo(3);
        assertThat(plan.endChunkOf(2)).isEqualTo(5);
    }

    @Test
    void rejectsNonPositiveChunks() {
        assertThatThrownBy(() -> ChunkPlan.of(List.of(new TensorSpec("a", 25)), 0))
                .isInstanceOf(NetsimException.class).hasMessageContaining("chunk size");
    }
}
