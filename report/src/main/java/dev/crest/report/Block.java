package dev.crest.report;

import dev.crest.report.chart.ChartSpec;

/** One piece of a section's body, in page order. */
sealed interface Block {

    /** Escaped running text. */
    record Paragraph(String text) implements Block {
    }

    /** Preformatted text such as a command line or a log excerpt. */
    record Code(String text) implements Block {
    }

    record TableBlock(Table table) implements Block {
    }

    record Chart(ChartSpec spec) implements Block {
    }

    /** A link to another file of the same report tree, given relative to the page. */
    record Link(String href, String text) implements Block {
    }

    /** A drawing supplied as SVG markup by a tool that renders it itself (e.g. a model graph). */
    record Drawing(String svg, String caption) implements Block {
    }
}
