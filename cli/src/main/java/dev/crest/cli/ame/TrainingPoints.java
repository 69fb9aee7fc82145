package dev.crest.cli.ame;

import dev.crest.ame.AmeException;
import dev.crest.report.InlineImage;
import dev.crest.tensor.data.Dataset;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The training set as the report shows its points: each point's label and, for single-channel images (IDX
 * data), a PNG thumbnail; tabular data (CSV, LIBSVM) has no thumbnails.
 */
final class TrainingPoints {
    /** Each image pixel becomes a SCALE×SCALE block, so a 28×28 image shows at 56×56. */
    private static final int SCALE = 2;

    private final Dataset training;
    private final int height;
    private final int width;

    private TrainingPoints(Dataset training) {
        this.training = training;
        int[] dims = training.exampleShape().dims();
        if (dims.length == 2) {
            height = dims[0];
            width = dims[1];
        } else if (dims.length == 3 && dims[0] == 1) {
            height = dims[1];
            width = dims[2];
        } else {
            height = 0;
            width = 0;
        }
    }

    static TrainingPoints of(Dataset training) {
        return new TrainingPoints(training);
    }

    /** True when the points are single-channel images that get thumbnails. */
    boolean hasImages() {
        return height > 0;
    }

    int size() {
        return training.size();
    }

    int label(int point) {
        return training.label(point);
    }

    /** The image of {@code point} as a grey-scale PNG (pixels in [0, 1], black to white); only for images. */
    InlineImage thumbnail(int point) {
        if (!hasImages()) {
            throw new IllegalStateException("training examples shaped " + training.exampleShape() + " are not images");
        }
        float[] pixels = training.features().float32Data();
        int offset = point * height * width;
        BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height * SCALE; y++) {
            for (int x = 0; x < width * SCALE; x++) {
                float value = pixels[offset + (y / SCALE) * width + x / SCALE];
                raster.setSample(x, y, 0, Math.round(Math.min(1f, Math.max(0f, value)) * 255f));
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", png)) {
                throw new IllegalStateException("this Java runtime has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new InlineImage(png.toByteArray(), String.format(Locale.ROOT, "training point %d, label %d", point,
                label(point)));
    }

    /** Checks the loaded training set is the one the run was trained on (same number of points). */
    TrainingPoints requireSize(int points, String option) {
        if (training.size() != points) {
            throw new AmeException(option + " has " + training.size() + " examples but the run was trained on "
                    + points + " points; give the run's training set");
        }
        return this;
    }
}
