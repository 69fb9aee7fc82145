package dev.crest.netsim.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.netsim.NetsimException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepGridTest {
    @Test
    void expandsTheCartesianProductFirstAxisSlowest() {
        Map<String, List<String>> axes = new LinkedHashMap<>();
        axes.put("model", List.of("a", "b"));
        axes.put("workers", List.of("2", "4", "8"));
        axes.put("mtu", List.of("1500"));
        SweepGrid grid = new SweepGrid(axes);
        List<SweepPoint> points = grid.expand();
        assertThat(grid.size()).isEqualTo(6);
        assertThat(points).hasSize(6);
        assertThat(points.get(0).values()).containsExactly("a", "2", "1500");
        assertThat(points.get(2).values()).containsExactly("a", "8", "1500");
        assertThat(points.get(3).values()).containsExactly("b", "2", "1500");
        assertThat(points).doesNotHaveDuplicates();
        assertThat(grid.parameterNames()).containsExactly("model", "workers", "mtu");
    }

    @Test
    void repeatedValuesRunOnce() {
        SweepGrid grid = new SweepGrid(Map.of("workers", List.of("2", "2", "4")));
        assertThat(grid.size()).isEqualTo(2);
    }

    @Test
    void anEmptyAxisIsAUserError() {
        assertThatThrownBy(() -> new SweepGrid(Map.of("workers", List.of())))
                .isInstanceOf(NetsimException.class).hasMessageContaining("workers");
    }
}
