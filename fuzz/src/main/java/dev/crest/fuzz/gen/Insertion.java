package dev.crest.fuzz.gen;

/** How a node entered the generated graph (after NNSmith's two insertion directions). */
public enum Insertion {
    /** The node consumes values already in the graph and adds its outputs as new values. */
    FORWARD,
    /** The node replaces a placeholder by its output; its inputs are fresh placeholders or reused values. */
    BACKWARD
}
