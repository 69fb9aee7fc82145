package dev.crest.cli.ame;

import dev.crest.ame.AmeException;

/** Lower-bound checks on integer command-line options, with one wording for every {@code crest ame} command. */
final class OptionBounds {
    private OptionBounds() {
    }

    /** Returns {@code value}, or throws an {@link AmeException} naming {@code option} when it is below {@code min}. */
    static int atLeast(String option, int value, int min) {
        if (value < min) {
            throw new AmeException(option + " must be at least " + min + ", got " + value);
        }
        return value;
    }
}
