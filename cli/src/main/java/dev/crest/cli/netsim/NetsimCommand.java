package dev.crest.cli.netsim;

import dev.crest.cli.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code crest netsim}: simulate distributed training iterations over a packet-level network. */
@Command(
        name = "netsim",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Simulate synchronous data-parallel training over a physical network, packet by packet.",
        subcommands = {NetsimRunCommand.class, NetsimCompareCommand.class, NetsimSweepCommand.class,
            NetsimModelsCommand.class, NetsimStrategiesCommand.class})
public final class NetsimCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
