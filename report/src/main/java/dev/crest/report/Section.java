package dev.crest.report;

import dev.crest.report.chart.ChartSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A headed part of a report holding paragraphs, code blocks, tables and charts in the order they were added. */
public final class Section {

    private final String heading;
    private final List<Block> blocks;

    private Section(String heading, List<Block> blocks) {
        this.heading = heading;
        this.blocks = List.copyOf(blocks);
    }

    public static Builder builder(String heading) {
        return new Builder(heading);
    }

    public String heading() {
        return heading;
    }

    List<Block> blocks() {
        return blocks;
    }

    List<Table> tables() {
        return blocks.stream().filter(Block.TableBlock.class::isInstance)
                .map(b -> ((Block.TableBlock) b).table()).toList();
    }

    /** Appends blocks to a section under construction. */
    public static final class Builder {
        private final String heading;
        private final List<Block> blocks = new ArrayList<>();

        private Builder(String heading) {
            this.heading = Objects.requireNonNull(heading, "heading");
        }

        /** Adds a paragraph of plain text (it is escaped; markup is shown, not interpreted). */
        public Builder paragraph(String text) {
            blocks.add(new Block.Paragraph(Objects.requireNonNull(text, "text")));
            return this;
        }

        /** Adds preformatted text in a monospace font, e.g. a command that reproduces a result. */
        public Builder code(String text) {
            blocks.add(new Block.Code(Objects.requireNonNull(text, "text")));
            return this;
        }

        public Builder table(Table table) {
            blocks.add(new Block.TableBlock(Objects.requireNonNull(table, "table")));
            return this;
        }

        public Builder chart(ChartSpec chart) {
            blocks.add(new Block.Chart(Objects.requireNonNull(chart, "chart")));
            return this;
        }

        /**
         * Adds a paragraph holding one link to another file of the report tree, e.g. {@code fuzz/index.html}. Only
         * relative paths are accepted, so a page never fetches anything from the network or outside its tree.
         */
        public Builder link(String href, String text) {
            Objects.requireNonNull(href, "href");
            Objects.requireNonNull(text, "text");
            if (href.isEmpty() || href.contains(":") || href.startsWith("/") || href.startsWith("\\")
                    || href.contains("\\")) {
                throw new IllegalArgumentException("a link must be a relative path inside the report, not '" + href + "'");
            }
            blocks.add(new Block.Link(href, text));
            return this;
        }

        /**
         * Adds a drawing given as one SVG element ({@code <svg ...>...</svg>}), embedded as is, with a caption.
         * The markup must come from a trusted renderer that escapes its own text; it is checked to be an SVG element
         * without scripts.
         */
        public Builder drawing(String svg, String caption) {
            Objects.requireNonNull(svg, "svg");
            Objects.requireNonNull(caption, "caption");
            String trimmed = svg.strip();
            if (!trimmed.startsWith("<svg") || !trimmed.endsWith("</svg>")) {
                throw new IllegalArgumentException("a drawing must be one <svg> element");
            }
            if (trimmed.contains("<script") || trimmed.contains("<foreignObject")) {
                throw new IllegalArgumentException("a drawing must not contain scripts or foreign objects");
            }
            blocks.add(new Block.Drawing(trimmed, caption));
            return this;
        }

        public Section build() {
            return new Section(heading, blocks);
        }
    }
}
