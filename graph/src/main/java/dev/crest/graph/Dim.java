package dev.crest.graph;

/**
 * One dimension of a declared tensor type: a known size, a named symbolic size (such as {@code batch}, equal
 * wherever the same name appears in one model run), or unknown.
 *
 * @param size the size, or -1 when the dimension is symbolic or unknown
 * @param symbol the symbolic name, or {@code null} when the size is known or entirely unknown
 */
public record Dim(int size, String symbol) {
    private static final Dim UNKNOWN = new Dim(-1, null);

    public Dim {
        if (size < -1) {
            throw new IllegalArgumentException("dimension size must be >= 0 or -1 for unknown, got " + size);
        }
        if (size >= 0 && symbol != null) {
            throw new IllegalArgumentException("a known dimension has no symbol");
        }
        if (symbol != null && symbol.isEmpty()) {
            throw new IllegalArgumentException("a symbolic dimension needs a non-empty name");
        }
    }

    /** A dimension of known size. */
    public static Dim of(int size) {
        if (size < 0) {
            throw new GraphException("dimension size must not be negative, got " + size);
        }
        return new Dim(size, null);
    }

    /** A symbolic dimension named {@code symbol}. */
    public static Dim symbolic(String symbol) {
        return new Dim(-1, symbol);
    }

    /** A dimension about which nothing is known. */
    public static Dim unknown() {
        return UNKNOWN;
    }

    public boolean isKnown() {
        return size >= 0;
    }

    public boolean isSymbolic() {
        return symbol != null;
    }

    /** Formats as the size, the symbol, or {@code ?}. */
    @Override
    public String toString() {
        if (isKnown()) {
            return Integer.toString(size);
        }
        return symbol != null ? symbol : "?";
    }
}
