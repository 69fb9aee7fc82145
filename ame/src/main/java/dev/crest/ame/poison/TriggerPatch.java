package dev.crest.ame.poison;

import dev.crest.ame.AmeException;

/**
 * A backdoor trigger: a square of {@code size}×{@code size} pixels set to {@code value}, placed in one corner of
 * the image.
 */
public record TriggerPatch(int size, Corner corner, float value) {
    /** Where the patch sits. */
    public enum Corner { TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT }

    public TriggerPatch {
        if (size < 1) {
            throw new AmeException("trigger patch size must be at least 1 pixel, got " + size);
        }
        if (!Float.isFinite(value)) {
            throw new AmeException("trigger patch value must be a finite number, got " + value);
        }
    }

    /** A 4×4 white square in the bottom-right corner (pixels scaled to [0, 1]). */
    public static TriggerPatch whiteSquare() {
        return new TriggerPatch(4, Corner.BOTTOM_RIGHT, 1f);
    }

    /** Sets the patch pixels of the image starting at {@code offset} in {@code pixels} ({@code height}×{@code width}). */
    void stamp(float[] pixels, int offset, int height, int width) {
        if (size > height || size > width) {
            throw new AmeException("trigger patch of " + size + "x" + size + " does not fit images of " + height + "x"
                    + width);
        }
        int top = corner == Corner.TOP_LEFT || corner == Corner.TOP_RIGHT ? 0 : height - size;
        int left = corner == Corner.TOP_LEFT || corner == Corner.BOTTOM_LEFT ? 0 : width - size;
        for (int y = top; y < top + size; y++) {
            for (int x = left; x < left + size; x++) {
                pixels[offset + y * width + x] = value;
            }
        }
    }
}
