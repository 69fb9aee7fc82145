package dev.crest.bench.mlp;

/**
 * Training examples as both sides read them: {@code count} images of {@code features} float32 pixels each,
 * row-major in one array, and their class labels.
 */
public record LabelledImages(float[] pixels, int[] labels, int features) {

    /** Checks that pixels and labels agree in count. */
    public LabelledImages {
        if (features < 1 || pixels.length != labels.length * features) {
            throw new IllegalArgumentException("pixels hold " + pixels.length + " values, expected " + labels.length
                    + " images of " + features);
        }
    }

    /** Number of examples. */
    public int count() {
        return labels.length;
    }
}
