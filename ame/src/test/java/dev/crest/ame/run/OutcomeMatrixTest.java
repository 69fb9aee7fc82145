package dev.crest.ame.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.ame.AmeException;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeMatrixTest {
    @Test
    void arrangesResultsInAnyOrderQueryMajor() {
        OutcomeMatrix matrix = OutcomeMatrix.of(List.of(
                new SubmodelResult(1, 0.4, new double[] {10, 11}),
                new SubmodelResult(5, 0.8, new double[] {50, 51}),
                new SubmodelResult(0, 0.2, new double[] {0, 1})), 2, 2);
        assertThat(matrix.byQuery()).isDeepEqualTo(new double[][] {{0, 10}, {1, 11}});
        assertThat(matrix.probabilities()).containsExactly(0.2, 0.4);
        assertThat(matrix.submodels()).isEqualTo(2);
        assertThat(matrix.queries()).isEqualTo(2);
    }

    @Test
    void missingDuplicateOrMisshapenSubmodelsAreErrorsNotZeros() {
        SubmodelResult zero = new SubmodelResult(0, 0.2, new double[] {1});
        assertThatThrownBy(() -> OutcomeMatrix.of(List.of(zero), 2, 1)).isInstanceOf(AmeException.class)
                .hasMessageContaining("submodel 1 of 2 has no stored outcome");
        assertThatThrownBy(() -> OutcomeMatrix.of(List.of(zero, zero), 1, 1)).isInstanceOf(AmeException.class)
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> OutcomeMatrix.of(List.of(zero), 1, 2)).isInstanceOf(AmeException.class)
                .hasMessageContaining("has 1 outcomes but the run has 2 queries");
    }
}
