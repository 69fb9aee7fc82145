package dev.crest.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LineChartSpecTest {

    @Test
    void pointsGatherIntoSeriesInFirstUseOrder() {
        LineChartSpec spec = LineChartSpec.builder("t")
                .point("tree", 1, 10).point("ring", 1, 20).point("tree", 2, 11)
                .series("ps", new double[] {1, 2}, new double[] {5, 6})
                .build();
        assertThat(spec.seriesNames()).containsExactly("tree", "ring", "ps");
        assertThat(spec.series().get(0).x()).containsExactly(1, 2);
        assertThat(spec.series().get(0).y()).containsExactly(10, 11);
        assertThat(spec.series().get(1).size()).isEqualTo(1);
    }

    @Test
    void seriesArraysAreCopied() {
        double[] y = {1, 2};
        LineChartSpec spec = LineChartSpec.builder("t").series("a", new double[] {1, 2}, y).build();
        y[0] = 99;
        assertThat(spec.series().get(0).y()).containsExactly(1, 2);
    }

    @Test
    void rejectsWhatCannotBeDrawn() {
        assertThatThrownBy(() -> LineChartSpec.builder("t").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no series");
        assertThatThrownBy(() -> LineChartSpec.builder("t").point("a", 1, 1).series("a", new double[] {1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate series name 'a'");
        assertThatThrownBy(() -> LineChartSpec.builder("t").series("a", new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 x values but 1 y values");
        assertThatThrownBy(() -> LineChartSpec.builder("t").point("a", 1, Double.NaN).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-finite y");
        assertThatThrownBy(() -> LineChartSpec.builder("bw").logX().point("a", 0, 1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x = 0.0 on the logarithmic x axis of chart 'bw'");
        assertThatThrownBy(() -> LineChartSpec.builder("t").size(10, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void barChartNeedsOneValuePerCategory() {
        assertThatThrownBy(() -> BarChartSpec.builder("s").categories("2", "4").series("ring", 1.0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 values for 2 categories");
        assertThatThrownBy(() -> BarChartSpec.builder("s").categories("2", "2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate categories");
        assertThatThrownBy(() -> BarChartSpec.builder("s").categories("2").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no series");
        BarChartSpec ok = BarChartSpec.builder("s").categories("2", "4").series("ring", 1.9, 3.5).build();
        assertThat(ok.seriesNames()).containsExactly("ring");
        assertThat(ok.series().get(0).values()).containsExactly(1.9, 3.5);
    }
}
