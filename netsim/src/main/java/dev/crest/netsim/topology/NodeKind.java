package dev.crest.netsim.topology;

/** The role of a node in the physical network; link rates are configured per role. */
public enum NodeKind {
    /** A training worker (one GPU host). */
    WORKER,
    /** A parameter-server host. */
    PARAMETER_SERVER,
    /** A top-of-rack (edge, leaf) switch. */
    TOR,
    /** A switch above the racks: spine, aggregation or core. */
    SPINE;

    /** Whether packets may be forwarded, replicated or aggregated at this node. */
    public boolean isSwitch() {
        return this == TOR || this == SPINE;
    }
}
