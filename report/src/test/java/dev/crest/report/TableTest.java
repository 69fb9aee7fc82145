package dev.crest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void columnIsNumericWhenEveryNonEmptyCellIsANumber() {
        Table table = Table.builder("strategy", "workers", "time", "mixed")
                .row("ring", 8, 0.5, "n/a")
                .row("tree", null, 1.25, 3)
                .build();
        assertThat(table.isNumeric(0)).isFalse();
        assertThat(table.isNumeric(1)).isTrue();
        assertThat(table.isNumeric(2)).isTrue();
        assertThat(table.isNumeric(3)).isFalse();
    }

    @Test
    void emptyColumnIsNotNumeric() {
        Table table = Table.builder("a").row((Object) null).build();
        assertThat(table.isNumeric(0)).isFalse();
    }

    @Test
    void pageRoundsToSignificantDigitsAndKeepsIntegersWhole() {
        Table table = Table.builder("x").significantDigits(3).build();
        assertThat(table.pageText(123456789L)).isEqualTo("123456789");
        assertThat(table.pageText(3.14159)).isEqualTo("3.14");
        assertThat(table.pageText(2.0)).isEqualTo("2");
        assertThat(table.pageText(0.000123456)).isEqualTo("0.000123");
        assertThat(table.pageText(0.0000123456)).isEqualTo("1.23e-5");
        assertThat(table.pageText(1.5e20)).isEqualTo("1.5e20");
        assertThat(table.pageText(-0.0)).isEqualTo("0");
        assertThat(table.pageText(0.1f)).isEqualTo("0.1");
        assertThat(table.pageText(Double.NaN)).isEqualTo("NaN");
        assertThat(table.pageText(Double.NEGATIVE_INFINITY)).isEqualTo("−∞");
        assertThat(table.pageText(new BigDecimal("2.71828"))).isEqualTo("2.72");
        assertThat(table.pageText(null)).isEmpty();
    }

    @Test
    void csvKeepsExactValuesAndQuotesWhatNeedsQuoting() {
        Table table = Table.builder("name", "value")
                .row("plain", 0.1 + 0.2)
                .row("a,b", 1)
                .row("say \"hi\"", null)
                .row("two\nlines", 1e-9)
                .build();
        assertThat(table.toCsv()).isEqualTo("name,value\n"
                + "plain,0.30000000000000004\n"
                + "\"a,b\",1\n"
                + "\"say \"\"hi\"\"\",\n"
                + "\"two\nlines\",1.0E-9\n");
    }

    @Test
    void rejectsRowsOfTheWrongWidthAndCellsOfOtherTypes() {
        assertThatThrownBy(() -> Table.builder("a", "b").row("x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 cells but the table has 2 columns");
        assertThatThrownBy(() -> Table.builder("a").row(List.of(new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strings, numbers or images");
    }

    @Test
    void csvNameMustBeAPlainFileName() {
        assertThatThrownBy(() -> Table.builder("a").csv("../x.csv")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Table.builder("a").csv("sub/x.csv")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Table.builder("a").csv("x.txt")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Table.builder("a").csv("sweep-1.csv").build().csvFileName()).contains("sweep-1.csv");
    }

    @Test
    void rowsAreCopiedSoLaterChangesDoNotLeakIn() {
        List<Object> row = new ArrayList<>(List.of("a"));
        Table table = Table.builder("x").row(row).build();
        row.set(0, "b");
        assertThat(table.rows().get(0)).containsExactly("a");
    }
}
