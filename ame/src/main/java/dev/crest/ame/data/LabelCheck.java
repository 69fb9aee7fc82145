package dev.crest.ame.data;

import dev.crest.ame.AmeException;

/** Parses a class label written as a whole number and checks it against the allowed class count. */
final class LabelCheck {
    private LabelCheck() {
    }

    /**
     * @param classCount the number of classes, or 0 when any non-negative label is allowed
     */
    static int parse(String text, int classCount, String where) {
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new AmeException(where + ": label '" + text.trim() + "' is not a number");
        }
        if (value != Math.rint(value) || value < 0 || value > Integer.MAX_VALUE) {
            throw new AmeException(where + ": label " + text.trim() + " is out of range; labels must be whole numbers "
                    + (classCount > 0 ? "0.." + (classCount - 1) : "of 0 or more"));
        }
        int label = (int) value;
        if (classCount > 0 && label >= classCount) {
            throw new AmeException(where + ": label " + label + " is out of range; labels must be 0.."
                    + (classCount - 1));
        }
        return label;
    }
}
