package dev.crest.report;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A small PNG shown inside a table cell, embedded in the page as a {@code data:} URI so the report still opens
 * from disk without fetching anything; the CSV copy of the table holds its {@code description} instead.
 */
public final class InlineImage {
    private final byte[] png;
    private final String description;

    /**
     * @param png the encoded PNG file
     * @param description what the image shows, used as its alt text and in CSV files
     */
    public InlineImage(byte[] png, String description) {
        Objects.requireNonNull(png, "png");
        if (png.length < 8 || png[0] != (byte) 0x89 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
            throw new IllegalArgumentException("inline images must be PNG files");
        }
        this.png = png.clone();
        this.description = Objects.requireNonNull(description, "description");
    }

    public String description() {
        return description;
    }

    /** The image as a {@code data:image/png;base64,...} URI. */
    public String dataUri() {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InlineImage image && Arrays.equals(png, image.png)
                && description.equals(image.description);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(png) + description.hashCode();
    }

    @Override
    public String toString() {
        return description;
    }
}
