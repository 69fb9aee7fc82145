package dev.crest.cli;

/** A user error detected by the command line itself (a missing file, a bad option value); exit code 2. */
public class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CliException(String message) {
        super(message);
    }
}
