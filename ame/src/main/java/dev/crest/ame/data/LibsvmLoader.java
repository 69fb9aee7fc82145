package dev.crest.ame.data;

import dev.crest.ame.AmeException;
import dev.crest.tensor.data.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a LIBSVM (SVMlight) file: one example per line, {@code label idx:val idx:val …} with 1-based feature
 * indices; absent features are 0, text after {@code #} is a comment. Labels must be whole numbers of 0 or more,
 * except that a file whose labels are exactly −1 and +1 (the binary convention) is read as classes 0 and 1.
 */
public final class LibsvmLoader {
    private LibsvmLoader() {
    }

    /**
     * @param featureCount number of features, or 0 to use the largest index in the file
     * @param classCount number of classes labels must lie below, or 0 to accept any non-negative label
     */
    public static Dataset load(Path file, int featureCount, int classCount) {
        List<int[]> indices = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        List<String> labelTexts = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        int maxIndex = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                int hash = line.indexOf('#');
                String content = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (content.isEmpty()) {
                    continue;
                }
                String where = file + " line " + lineNumber;
                String[] tokens = content.split("\\s+");
                int[] rowIndices = new int[tokens.length - 1];
                float[] rowValues = new float[tokens.length - 1];
                for (int t = 1; t < tokens.length; t++) {
                    int colon = tokens[t].indexOf(':');
                    if (colon < 0) {
                        throw new AmeException(where + ": '" + tokens[t] + "' is not an index:value pair");
                    }
                    int index;
                    try {
                        index = Integer.parseInt(tokens[t].substring(0, colon));
                    } catch (NumberFormatException e) {
                        throw new AmeException(where + ": feature index in '" + tokens[t] + "' is not a whole number");
                    }
                    if (index < 1) {
                        throw new AmeException(where + ": feature index " + index + " is out of range; LIBSVM indices"
                                + " start at 1");
                    }
                    if (featureCount > 0 && index > featureCount) {
                        throw new AmeException(where + ": feature index " + index + " exceeds the " + featureCount
                                + " features expected");
                    }
                    try {
                        rowValues[t - 1] = Float.parseFloat(tokens[t].substring(colon + 1));
                    } catch (NumberFormatException e) {
                        throw new AmeException(where + ": value in '" + tokens[t] + "' is not a number");
                    }
                    if (!Float.isFinite(rowValues[t - 1])) {
                        throw new AmeException(where + ": value in '" + tokens[t] + "' is not a finite number");
                    }
                    rowIndices[t - 1] = index;
                    maxIndex = Math.max(maxIndex, index);
                }
                indices.add(rowIndices);
                values.add(rowValues);
                labelTexts.add(tokens[0]);
                lineNumbers.add(lineNumber);
            }
        } catch (IOException e) {
            throw new AmeException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (indices.isEmpty()) {
            throw new AmeException(file + " has no data lines");
        }
        int width = featureCount > 0 ? featureCount : maxIndex;
        boolean plusMinusOne = labelTexts.stream().allMatch(l -> isNumber(l, -1) || isNumber(l, 1))
                && labelTexts.stream().anyMatch(l -> isNumber(l, -1));
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < indices.size(); i++) {
            float[] row = new float[width];
            for (int k = 0; k < indices.get(i).length; k++) {
                row[indices.get(i)[k] - 1] = values.get(i)[k];
            }
            rows.add(row);
            String where = file + " line " + lineNumbers.get(i);
            labels.add(plusMinusOne ? (isNumber(labelTexts.get(i), 1) ? 1 : 0)
                    : LabelCheck.parse(labelTexts.get(i), classCount, where));
        }
        return CsvLoader.stack(rows, labels, width);
    }

    /** As {@link #load(Path, int, int)} with the width from the file and any non-negative label accepted. */
    public static Dataset load(Path file) {
        return load(file, 0, 0);
    }

    private static boolean isNumber(String text, double expected) {
        try {
            return Double.parseDouble(text) == expected;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
