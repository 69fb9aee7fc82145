package dev.crest.cli;

import dev.crest.cli.ame.AmeCommand;
import dev.crest.cli.demo.DemoCommand;
import dev.crest.cli.demo.ReportCommand;
import dev.crest.cli.fuzz.FuzzCommand;
import dev.crest.cli.netsim.NetsimCommand;
import picocli.CommandLine.Command;

/** The top-level {@code crest} command; it only groups the tools' subcommands. */
@Command(
        name = "crest",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A toolkit for people who build and run deep-learning systems.",
        subcommands = {ModelCommand.class, FuzzCommand.class, NetsimCommand.class, AmeCommand.class,
            DemoCommand.class, ReportCommand.class})
public final class CrestCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
