package dev.crest.ame.data;

import dev.crest.ame.AmeException;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import dev.crest.tensor.data.Dataset;
import dev.crest.tensor.data.IdxReader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads an image classification set from a pair of IDX files (MNIST/Fashion-MNIST format, plain or gzip):
 * images scaled to [0, 1] and their labels, turning format problems into one-line {@link AmeException}s.
 */
public final class IdxLoader {
    private IdxLoader() {
    }

    /**
     * @param classCount number of classes labels must lie below, or 0 to accept any label
     */
    public static Dataset load(Path images, Path labels, int classCount) {
        Tensor pixels = read(images, () -> IdxReader.readImages(images));
        int[] classes = read(labels, () -> IdxReader.readLabels(labels));
        int count = pixels.shape().dim(0);
        if (count != classes.length) {
            throw new AmeException(images + " has " + count + " images but " + labels + " has " + classes.length
                    + " labels");
        }
        for (int i = 0; i < classes.length; i++) {
            if (classCount > 0 && classes[i] >= classCount) {
                throw new AmeException(labels + " entry " + i + ": label " + classes[i] + " is out of range; labels"
                        + " must be 0.." + (classCount - 1));
            }
        }
        return new Dataset(pixels, classes);
    }

    private interface Read<T> {
        T run();
    }

    private static <T> T read(Path file, Read<T> reading) {
        if (!Files.isRegularFile(file)) {
            throw new AmeException("IDX file " + file + " does not exist");
        }
        try {
            return reading.run();
        } catch (TensorException e) {
            throw new AmeException(e.getMessage(), e);
        }
    }
}
