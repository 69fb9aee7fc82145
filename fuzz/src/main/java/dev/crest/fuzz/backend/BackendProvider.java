package dev.crest.fuzz.backend;

/**
 * Creates backends by name. Crest registers its own in {@link BackendRegistry}; a user's backend jar registers
 * more through {@link java.util.ServiceLoader} ({@code META-INF/services/dev.crest.fuzz.backend.BackendProvider}).
 */
public interface BackendProvider {
    /** The names this provider creates backends for. */
    java.util.List<String> names();

    /** A new backend for one of {@link #names()}. */
    Backend create(String name);
}
