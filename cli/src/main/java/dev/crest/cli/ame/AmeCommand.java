package dev.crest.cli.ame;

import dev.crest.cli.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code crest ame}: find the training points behind a prediction with randomized subset experiments. */
@Command(
        name = "ame",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Attribute model predictions to training points with the Average Marginal Effect (AME).",
        subcommands = {AmeRunCommand.class, AmeEstimateCommand.class, AmePoisonCommand.class})
public final class AmeCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
