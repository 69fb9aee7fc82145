package dev.crest.cli.ame;

import dev.crest.ame.AmeException;
import dev.crest.ame.data.CsvLoader;
import dev.crest.ame.data.IdxLoader;
import dev.crest.ame.data.LibsvmLoader;
import dev.crest.tensor.data.Dataset;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads the data sets named on the command line, choosing the reader by file name: {@code .csv} (label in the last
 * column), {@code .libsvm}/{@code .svm} (LIBSVM), anything else as IDX images that need a labels file.
 */
final class TrainingFiles {
    private TrainingFiles() {
    }

    /**
     * @param labels the IDX labels file, required for IDX images and refused otherwise
     * @param featureCount features a LIBSVM file must have (0: as many as the file uses)
     * @param classCount labels must lie below this (0: any non-negative label)
     */
    static Dataset load(Path data, Path labels, String option, int featureCount, int classCount) {
        String name = data.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            refuseLabels(labels, option);
            return CsvLoader.load(data, -1, classCount);
        }
        if (name.endsWith(".libsvm") || name.endsWith(".svm")) {
            refuseLabels(labels, option);
            return LibsvmLoader.load(data, featureCount, classCount);
        }
        if (labels == null) {
            throw new AmeException(option + " " + data + " is read as IDX images (not .csv, .libsvm or .svm); give its"
                    + " labels with " + option + "-labels");
        }
        return IdxLoader.load(data, labels, classCount);
    }

    private static void refuseLabels(Path labels, String option) {
        if (labels != null) {
            throw new AmeException(option + "-labels is only for IDX images; CSV and LIBSVM files carry their labels");
        }
    }
}
