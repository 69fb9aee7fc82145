package dev.crest.ame.design;

import java.util.BitSet;

/**
 * One row of a {@link Design}: the inclusion probability drawn for submodel {@code index} and the set of
 * training points it trains on.
 *
 * @param index     the submodel's position in the design (0-based)
 * @param gridIndex which grid value was drawn (selects the submodel's bucket column)
 * @param p         the inclusion probability, {@code grid[gridIndex]}
 * @param mask      bit {@code i} is set when training point {@code i} is included; callers must not modify it
 */
public record Submodel(int index, int gridIndex, double p, BitSet mask) {
}
