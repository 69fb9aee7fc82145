package dev.crest.cli.netsim;

import dev.crest.cli.CliException;
import dev.crest.netsim.NetsimException;
import dev.crest.report.ReportException;
import java.util.concurrent.Callable;

/**
 * Turns the simulator's and the report writer's user errors into {@link CliException}, which the {@code crest}
 * launcher prints as one line with exit code 2; anything else stays a bug.
 */
final class UserErrors {
    private UserErrors() {
    }

    static Integer translate(Callable<Integer> command) throws Exception {
        try {
            return command.call();
        } catch (NetsimException | ReportException e) {
            throw new CliException(e.getMessage());
        }
    }
}
