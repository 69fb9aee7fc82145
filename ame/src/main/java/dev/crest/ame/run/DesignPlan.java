package dev.crest.ame.run;

import dev.crest.ame.design.Design;
import dev.crest.ame.design.Submodel;

/** Adapts the AME {@link Design} (seeded, prefix-stable masks) to the runner's {@link SubsetPlan}. */
public final class DesignPlan {
    private DesignPlan() {
    }

    /** Submodel j of {@code design} as a planned subset (the mask is shared, never modified by the runner). */
    public static SubsetPlan of(Design design) {
        return j -> {
            Submodel submodel = design.submodel(j);
            return new PlannedSubset(j, submodel.p(), submodel.mask());
        };
    }
}
