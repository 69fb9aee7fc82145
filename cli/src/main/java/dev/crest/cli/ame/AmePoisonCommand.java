package dev.crest.cli.ame;

import dev.crest.ame.AmeException;
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
    static final String TRIGGERED_IMAGES = "test-triggered-images-idx3-ubyte.gz";
    static final String TRIGGERED_LABELS = "test-triggered-labels-idx1-ubyte.gz";

    @Spec
    private CommandSpec spec;

    @Option(names = "--train-images", required = true, paramLabel = "FILE", description = "IDX images")
    private Path images;

    @Option(names = "--train-labels", required = true, paramLabel = "FILE", description = "IDX labels")
    private Path labels;

    @Option(names = "--limit", paramLabel = "N",
            description = "keep only the first N training images (default: all)")
    private Integer limit;

    @Option(names = "--test-images", paramLabel = "FILE",
            description = "IDX test images to stamp with the trigger (labels kept), written as " + TRIGGERED_IMAGES
                    + " for use as queries")
    private Path testImages;

    @Option(names = "--test-labels", paramLabel = "FILE", description = "IDX labels of --test-images")
    private Path testLabels;

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
        if ((testImages == null) != (testLabels == null)) {
            throw new AmeException("--test-images and --test-labels go together; give both or neither");
        }
        Dataset clean = IdxLoader.load(images, labels, 0);
        if (limit != null) {
            OptionBounds.atLeast("--limit", limit, 1);
            clean = clean.slice(0, Math.min(limit, clean.size()));
        }
        Poisoner poisoner = new Poisoner(new TriggerPatch(patch, TriggerPatch.Corner.BOTTOM_RIGHT, 1f));
        PoisonedDataset poisoned = poisoner.poison(clean, count, target, seed);
        // Loaded before anything is written so a bad test file leaves no half-written output.
        Dataset triggered = testImages == null ? null
                : poisoner.stampAll(IdxLoader.load(testImages, testLabels, 0));
        ResultFiles.createOutputDirectory(out);
        IdxWriter.writeImages(out.resolve(IMAGES), poisoned.data().features());
        IdxWriter.writeLabels(out.resolve(LABELS), poisoned.data().labels());
        String truth = Arrays.stream(poisoned.poisonedIndices()).mapToObj(Integer::toString)
                .collect(Collectors.joining("\n", "", poisoned.poisonedIndices().length == 0 ? "" : "\n"));
        AtomicFile.writeString(out.resolve(GROUND_TRUTH), truth);
        if (triggered != null) {
            IdxWriter.writeImages(out.resolve(TRIGGERED_IMAGES), triggered.features());
            IdxWriter.writeLabels(out.resolve(TRIGGERED_LABELS), triggered.labels());
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "poisoned %d of %d images (relabelled to %d); wrote %s, %s and"
                + " %s%n", count, clean.size(), target, out.resolve(IMAGES), out.resolve(LABELS),
                out.resolve(GROUND_TRUTH));
        if (triggered != null) {
            spec.commandLine().getOut().printf(Locale.ROOT, "stamped the trigger on %d test images; wrote %s and %s%n",
                    triggered.size(), out.resolve(TRIGGERED_IMAGES), out.resolve(TRIGGERED_LABELS));
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
