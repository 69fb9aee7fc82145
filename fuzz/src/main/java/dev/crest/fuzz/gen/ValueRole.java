package dev.crest.fuzz.gen;

/** Where a value of a generated model comes from. */
public enum ValueRole {
    /** A graph input: the input search chooses its data. */
    INPUT,
    /** An initializer holding data (a leftover placeholder): the input search may replace its values. */
    WEIGHT,
    /** An initializer a spec computed from solved attributes (a shape, a slice start): structural, never searched. */
    CONSTANT,
    /** The output of a node. */
    NODE_OUTPUT;

    /** Whether the input search chooses this value's data. */
    public boolean searchable() {
        return this == INPUT || this == WEIGHT;
    }
}
