package dev.crest.fuzz.spec;

/** The name and family every operator specification carries; subclasses add dtypes, ranks and instances. */
abstract class AbstractOpSpec implements OpSpec {
    private final String opType;
    private final OpFamily family;

    AbstractOpSpec(String opType, OpFamily family) {
        this.opType = opType;
        this.family = family;
    }

    @Override
    public final String opType() {
        return opType;
    }

    @Override
    public final OpFamily family() {
        return family;
    }

    @Override
    public String toString() {
        return opType;
    }
}
