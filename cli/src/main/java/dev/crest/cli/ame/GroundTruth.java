package dev.crest.cli.ame;

import dev.crest.ame.AmeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;

/**
 * The training points known to matter (e.g. the poisoned ones written by {@code ame poison}), one index per line,
 * against which a selection's precision and recall are measured.
 */
final class GroundTruth {
    private final BitSet points;

    GroundTruth(BitSet points) {
        this.points = (BitSet) points.clone();
    }

    /** Reads one training-point index per line (blank lines skipped); each must be below {@code pointCount}. */
    static GroundTruth read(Path file, int pointCount) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new AmeException("cannot read ground truth " + file + ": " + e.getMessage(), e);
        }
        BitSet points = new BitSet(pointCount);
        for (int k = 0; k < lines.size(); k++) {
            String text = lines.get(k).trim();
            if (text.isEmpty()) {
                continue;
            }
            int index;
            try {
                index = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new AmeException(file + " line " + (k + 1) + ": '" + text + "' is not a training-point index");
            }
            if (index < 0 || index >= pointCount) {
                throw new AmeException(file + " line " + (k + 1) + ": point " + index + " is out of range; the training"
                        + " set has " + pointCount + " points");
            }
            points.set(index);
        }
        return new GroundTruth(points);
    }

    int size() {
        return points.cardinality();
    }

    /** How many of {@code selected} are true points. */
    int hits(int[] selected) {
        int hits = 0;
        for (int i : selected) {
            if (points.get(i)) {
                hits++;
            }
        }
        return hits;
    }

    /** Fraction of the selection that is true points; NaN for an empty selection (precision is undefined). */
    double precision(int[] selected) {
        return selected.length == 0 ? Double.NaN : hits(selected) / (double) selected.length;
    }

    /** Fraction of the true points that were selected; NaN when there are no true points. */
    double recall(int[] selected) {
        return size() == 0 ? Double.NaN : hits(selected) / (double) size();
    }
}
