package dev.crest.spark.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ShardPlanTest {
    @Test
    void theSameCampaignSeedGivesTheSameShardSeedsAndShardsGetDistinctSeeds() {
        List<ShardSpec> first = ShardPlan.of(42, 8, OptionalLong.empty());
        List<ShardSpec> again = ShardPlan.of(42, 8, OptionalLong.empty());
        assertThat(again).isEqualTo(first);
        assertThat(first.stream().map(ShardSpec::seed).distinct()).hasSize(8);
        assertThat(first).extracting(ShardSpec::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(ShardPlan.of(43, 8, OptionalLong.empty())).extracting(ShardSpec::seed)
                .doesNotContainAnyElementsOf(first.stream().map(ShardSpec::seed).toList());
    }

    @Test
    void aShardsSeedDoesNotDependOnHowManyShardsThereAre() {
        assertThat(ShardPlan.of(7, 3, OptionalLong.empty())).isEqualTo(ShardPlan.of(7, 5, OptionalLong.empty())
                .subList(0, 3));
    }

    @Test
    void aModelCountIsSplitAsEvenlyAsPossible() {
        List<ShardSpec> plan = ShardPlan.of(1, 4, OptionalLong.of(10));
        assertThat(plan).extracting(ShardSpec::maxModels).containsExactly(3L, 3L, 2L, 2L);
        assertThat(ShardPlan.of(1, 4, OptionalLong.empty())).allSatisfy(s -> assertThat(s.modelBudget()).isEmpty());
    }

    @Test
    void fewerModelsThanShardsGiveOneShardPerModel() {
        assertThat(ShardPlan.of(1, 64, OptionalLong.of(3))).extracting(ShardSpec::maxModels)
                .containsExactly(1L, 1L, 1L);
    }

    @Test
    void zeroShardsAreRejected() {
        assertThatThrownBy(() -> ShardPlan.of(1, 0, OptionalLong.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
