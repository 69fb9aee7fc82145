package dev.crest.cli.netsim;

import dev.crest.cli.CliException;

/** The {@code --threads} flag of the parallel netsim commands: by default every core. */
final class ThreadCount {
    private ThreadCount() {
    }

    static int resolve(Integer requested) {
        if (requested == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (requested < 1) {
            throw new CliException("--threads must be at least 1, got " + requested);
        }
        return requested;
    }
}
