package dev.crest.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code crest model}: inspect and run ONNX models with Crest's engine or ONNX Runtime. */
@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Inspect and run ONNX models.",
        subcommands = {ModelInfoCommand.class, ModelRunCommand.class})
public final class ModelCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
