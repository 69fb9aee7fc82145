package dev.crest.cli.fuzz;

import dev.crest.cli.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code crest fuzz}: find bugs in deep-learning compilers with generated ONNX models. */
@Command(
        name = "fuzz",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Generate valid ONNX models from operator specifications to test deep-learning compilers.",
        subcommands = {FuzzGenCommand.class, FuzzRunCommand.class, ReplayCommand.class, FuzzReduceCommand.class})
public final class FuzzCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
