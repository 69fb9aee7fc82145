package dev.crest.ame.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.crest.ame.AmeException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesignTest {

    @Test
    void askingForMoreSubmodelsExtendsTheSameDesign() {
        Design design = Design.withDefaultGrid(300, 11L);
        List<Submodel> small = design.submodels(20);
        List<Submodel> large = new Design(300, Design.defaultGrid(), 11L).submodels(50);
        for (int j = 0; j < 20; j++) {
            assertThat(large.get(j).p()).isEqualTo(small.get(j).p());
            assertThat(large.get(j).gridIndex()).isEqualTo(small.get(j).gridIndex());
            assertThat(large.get(j).mask()).isEqualTo(small.get(j).mask());
            assertThat(design.submodel(j).mask()).isEqualTo(small.get(j).mask());
        }
    }

    @Test
    void differentSeedsGiveDifferentDesigns() {
        assertThat(Design.withDefaultGrid(300, 1L).submodel(0).mask())
                .isNotEqualTo(Design.withDefaultGrid(300, 2L).submodel(0).mask());
    }

    @Test
    void inclusionFrequencyMatchesEachSubmodelsProbability() {
        int n = 2000;
        Design design = Design.withDefaultGrid(n, 5L);
        double[] grid = design.grid();
        long[] included = new long[grid.length];
        long[] total = new long[grid.length];
        int[] drawn = new int[grid.length];
        int m = 400;
        for (Submodel s : design.submodels(m)) {
            assertThat(s.p()).isEqualTo(grid[s.gridIndex()]);
            included[s.gridIndex()] += s.mask().cardinality();
            total[s.gridIndex()] += n;
            drawn[s.gridIndex()]++;
        }
        for (int b = 0; b < grid.length; b++) {
            double frequency = (double) included[b] / total[b];
            // Binomial std of the pooled frequency is at most 0.5/√(n·count) ≈ 0.0025 here; allow ~4σ.
            assertThat(frequency).isCloseTo(grid[b], within(0.01));
            // Each grid value is drawn with probability 1/4: std √(400·3/16) ≈ 8.7 around 100.
            assertThat(drawn[b]).isBetween(65, 135);
        }
    }

    @Test
    void rejectsBadGrids() {
        assertThatThrownBy(() -> new Design(10, new double[] {0.5, 1.0}, 1))
                .isInstanceOf(AmeException.class).hasMessageContaining("strictly between 0 and 1");
        assertThatThrownBy(() -> new Design(10, new double[] {0.0}, 1))
                .isInstanceOf(AmeException.class).hasMessageContaining("strictly between 0 and 1");
        assertThatThrownBy(() -> new Design(10, new double[] {Double.NaN}, 1))
                .isInstanceOf(AmeException.class);
        assertThatThrownBy(() -> new Design(10, new double[] {0.3, 0.7, 0.3}, 1))
                .isInstanceOf(AmeException.class).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> new Design(10, new double[0], 1))
                .isInstanceOf(AmeException.class).hasMessageContaining("empty");
        double[] tooMany = new double[Design.MAX_GRID_VALUES + 1];
        for (int k = 0; k < tooMany.length; k++) {
            tooMany[k] = (k + 1.0) / (tooMany.length + 1);
        }
        assertThatThrownBy(() -> new Design(10, tooMany, 1))
                .isInstanceOf(AmeException.class).hasMessageContaining("at most " + Design.MAX_GRID_VALUES);
        assertThatThrownBy(() -> Design.withDefaultGrid(0, 1))
                .isInstanceOf(AmeException.class).hasMessageContaining("at least one training point");
    }
}
