package dev.crest.fuzz.backend;

/** Where in a test case something went wrong: compiling the model, executing it, or verifying its outputs. */
public enum Stage {
    COMPILE, EXECUTE, VERIFY;

    /** The lower-case name used in finding directories and JSON. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
