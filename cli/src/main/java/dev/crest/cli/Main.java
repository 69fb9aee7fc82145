package dev.crest.cli;

import dev.crest.ame.AmeException;
import dev.crest.fuzz.FuzzException;
import dev.crest.graph.GraphException;
import dev.crest.netsim.NetsimException;
import dev.crest.report.ReportException;
import dev.crest.spark.SparkEngineException;
import dev.crest.tensor.TensorException;
import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;

/**
 * Entry point of the {@code crest} command. Maps user errors (bad input files, bad options, unsupported
 * operators) to one line on standard error and exit code 2; other failures are bugs and say so.
 */
public final class Main {
    /** Exit code for user errors: bad input, bad options. */
    public static final int USER_ERROR = 2;

    /**
     * netlib logs a warning on every start when it falls back from its Vector API BLAS (which needs an incubator
     * module) to another implementation; that is normal here, so only its severe messages reach the user. Held
     * in a field because java.util.logging keeps loggers weakly.
     */
    private static final Logger NETLIB_LOGGER = Logger.getLogger("dev.ludovic.netlib");

    private Main() {
    }

    public static void main(String[] args) {
        NETLIB_LOGGER.setLevel(Level.SEVERE);
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command with the given streams and returns the exit code (used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new CrestCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(Main::handleExecutionException);
        cli.setParameterExceptionHandler(Main::handleParameterException);
        return cli.execute(args);
    }

    private static int handleParameterException(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("crest: error: " + e.getMessage());
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
        return USER_ERROR;
    }

    private static int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof CliException || e instanceof GraphException || e instanceof TensorException
                || e instanceof NetsimException || e instanceof ReportException || e instanceof AmeException
                || e instanceof FuzzException || e instanceof SparkEngineException) {
            err.println("crest: error: " + e.getMessage());
            return USER_ERROR;
        }
        err.println("crest: internal error (a bug in Crest, please report it): " + e);
        if (System.getenv("CREST_STACKTRACE") != null) {
            e.printStackTrace(err);
        } else {
            err.println("Set CREST_STACKTRACE=1 to print the stack trace.");
        }
        return 1;
    }
}
