package dev.crest.cli.ame;

import dev.crest.ame.data.AtomicFile;
import dev.crest.ame.data.IdxLoader;
import dev.crest.ame.data.IdxWriter;
import dev.crest.ame.poison.PoisonedDataset;
import dev.crest.ame.poison.Poisoner;
import dev.crest.ame.poison.TriggerPatch;
import dev.crest.cli.VersionProvider;
import dev.crest.tensor.data.Dataset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crest ame poison}: plants a backdoor in an IDX training set for experiments and demos, writing the
 * poisoned images and labels and the list of poisoned indices.
 */
@Command(
        name = "poison",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Stamp a trigger patch on training images, relabel them, and write the ground truth.",
            "Example: crest ame poison --train-images train-images-idx3-ubyte.gz --train-labels"
                    + " train-labels-idx1-ubyte.gz --count 50 --target 3 --seed 1 --out poisoned/"})
public final class AmePoisonCommand implements Callable<Integer> {
    static final String IMAGES = "train-images-idx3-ubyte.gz";
    static final String LABELS = "train-labels-idx1-ubyte.gz";
    static final String GROUND_TRUTH = "ground-truth.txt";

    @Spec
    private CommandSpec spec;

    @Option(names = "--train-images", required = true, paramLabel = "FILE", description = "IDX images")
    private Path images;

    @Option(names = "--train-labels", required = true, paramLabel = "FILE", description = "IDX labels")
    private Path labels;

    @Option(names = "--count", required = true, paramLabel = "N", description = "how many images to poison")
    private int count;

    @Option(names = "--target", required = true, paramLabel = "CLASS", description = "the class they are relabelled to")
    private int target;

    @Option(names = "--patch", defaultValue = "4", paramLabel = "PIXELS",
            description = "side of the white trigger square in the bottom-right corner; default: ${DEFAULT-VALUE}")
    private int patch;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "seed; default: ${DEFAULT-VALUE}")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    private Path out;

    @Override
    public Integer call() {
        Dataset clean = IdxLoader.load(images, labels, 0);
        PoisonedDataset poisoned = new Poisoner(new TriggerPatch(patch, TriggerPatch.Corner.BOTTOM_RIGHT, 1f))
                .poison(clean, count, target, seed);
        ResultFiles.createOutputDirectory(out);
        IdxWriter.writeImages(out.resolve(IMAGES), poisoned.data().features());
        IdxWriter.writeLabels(out.resolve(LABELS), poisoned.data().labels());
        String truth = Arrays.stream(poisoned.poisonedIndices()).mapToObj(Integer::toString)
                .collect(Collectors.joining("\n", "", poisoned.poisonedIndices().length == 0 ? "" : "\n"));
        AtomicFile.writeString(out.resolve(GROUND_TRUTH), truth);
        spec.commandLine().getOut().printf(Locale.ROOT, "poisoned %d of %d images (relabelled to %d); wrote %s, %s and"
                + " %s%n", count, clean.size(), target, out.resolve(IMAGES), out.resolve(LABELS),
                out.resolve(GROUND_TRUTH));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
