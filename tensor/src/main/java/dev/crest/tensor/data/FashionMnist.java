package dev.crest.tensor.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017) from its four gzip IDX files: 60,000 training and
 * 10,000 test images of 28×28 pixels scaled to [0, 1], labels 0–9.
 */
public final class FashionMnist {
    /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
    public static final Path DEBIAN_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

    private FashionMnist() {
    }

    /** True when all four files are present in {@code directory}. */
    public static boolean isAvailable(Path directory) {
        for (String split : new String[] {"train", "t10k"}) {
            if (!Files.isRegularFile(imagesFile(directory, split)) || !Files.isRegularFile(labelsFile(directory, split))) {
                return false;
            }
        }
        return true;
    }

    /** The 60,000 training examples, images shaped {@code [n, 28, 28]}. */
    public static Dataset train(Path directory) {
        return load(directory, "train");
    }

    /** The 10,000 test examples, images shaped {@code [n, 28, 28]}. */
    public static Dataset test(Path directory) {
        return load(directory, "t10k");
    }

    private static Dataset load(Path directory, String split) {
        return new Dataset(IdxReader.readImages(imagesFile(directory, split)),
                IdxReader.readLabels(labelsFile(directory, split)));
    }

    private static Path imagesFile(Path directory, String split) {
        return directory.resolve(split + "-images-idx3-ubyte.gz");
    }

    private static Path labelsFile(Path directory, String split) {
        return directory.resolve(split + "-labels-idx1-ubyte.gz");
    }
}
