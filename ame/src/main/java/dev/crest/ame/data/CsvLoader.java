package dev.crest.ame.data;

import dev.crest.ame.AmeException;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.data.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a classification data set from a CSV file of numeric features and one integer label column. The first
 * line is taken as a header when none of its fields is a number. Blank lines are skipped. Every malformed row
 * (wrong field count, a non-numeric value, a label out of range) is an {@link AmeException} naming the file and
 * line.
 */
public final class CsvLoader {
    private CsvLoader() {
    }

    /**
     * @param labelColumn zero-based column of the label; negative counts from the end ({@code -1} = last)
     * @param classCount number of classes labels must lie below, or 0 to accept any non-negative label
     */
    public static Dataset load(Path file, int labelColumn, int classCount) {
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int width = -1;
        int label = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (width < 0) {
                    width = fields.length;
                    if (width < 2) {
                        throw new AmeException(file + " line " + lineNumber + ": need at least one feature column and"
                                + " a label column, found " + width + " column");
                    }
                    label = labelColumn < 0 ? width + labelColumn : labelColumn;
                    if (label < 0 || label >= width) {
                        throw new AmeException(file + ": label column " + labelColumn + " does not exist; the file has "
                                + width + " columns");
                    }
                    if (isHeader(fields)) {
                        continue;
                    }
                }
                String where = file + " line " + lineNumber;
                if (fields.length != width) {
                    throw new AmeException(where + ": expected " + width + " fields like the first row, found "
                            + fields.length);
                }
                float[] features = new float[width - 1];
                int k = 0;
                for (int c = 0; c < width; c++) {
                    if (c == label) {
                        continue;
                    }
                    features[k++] = parseFeature(fields[c], where, c);
                }
                rows.add(features);
                labels.add(LabelCheck.parse(fields[label], classCount, where));
            }
        } catch (IOException e) {
            throw new AmeException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new AmeException(file + " has no data rows");
        }
        return stack(rows, labels, width - 1);
    }

    /** As {@link #load(Path, int, int)} with the label in the last column and any non-negative label accepted. */
    public static Dataset load(Path file) {
        return load(file, -1, 0);
    }

    private static boolean isHeader(String[] fields) {
        for (String field : fields) {
            if (isNumber(field)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumber(String field) {
        try {
            Double.parseDouble(field.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static float parseFeature(String field, String where, int column) {
        try {
            float value = Float.parseFloat(field.trim());
            if (!Float.isFinite(value)) {
                throw new AmeException(where + ": value '" + field.trim() + "' in column " + (column + 1)
                        + " is not a finite number");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new AmeException(where + ": value '" + field.trim() + "' in column " + (column + 1)
                    + " is not a number");
        }
    }

    static Dataset stack(List<float[]> rows, List<Integer> labels, int width) {
        float[] values = new float[rows.size() * width];
        int[] labelArray = new int[labels.size()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, values, i * width, width);
            labelArray[i] = labels.get(i);
        }
        return new Dataset(Tensor.wrapFloat32(Shape.of(rows.size(), width), values), labelArray);
    }
}
