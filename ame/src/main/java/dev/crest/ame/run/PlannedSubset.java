package dev.crest.ame.run;

import java.util.BitSet;

/** One submodel of the design: its index j, its inclusion probability pⱼ, and the training points it includes. */
public record PlannedSubset(int index, double probability, BitSet mask) {
}
