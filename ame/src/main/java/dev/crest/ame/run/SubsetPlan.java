package dev.crest.ame.run;

/**
 * The source of submodel subsets the runner trains: any seeded design that can give submodel j's probability and
 * mask on request (e.g. {@code dev.crest.ame.design.Design}). Must be deterministic and safe to call from several
 * threads.
 */
@FunctionalInterface
public interface SubsetPlan {
    PlannedSubset subset(int index);
}
