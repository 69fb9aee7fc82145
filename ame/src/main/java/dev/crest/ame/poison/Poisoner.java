package dev.crest.ame.poison;

import dev.crest.ame.AmeException;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.data.Dataset;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Plants a backdoor for experiments and demos: stamps a {@link TriggerPatch} on a seeded choice of training images
 * whose label is not the target class and relabels them to the target. The input is left untouched; nothing is
 * written to disk.
 */
public final class Poisoner {
    private final TriggerPatch patch;

    public Poisoner(TriggerPatch patch) {
        this.patch = patch;
    }

    /**
     * @param images examples shaped {@code [n, h, w]} or {@code [n, 1, h, w]}
     * @param count how many images to poison, chosen uniformly among those not labelled {@code targetClass}
     */
    public PoisonedDataset poison(Dataset images, int count, int targetClass, long seed) {
        if (targetClass < 0 || targetClass >= images.classCount()) {
            throw new AmeException("poison target class must be between 0 and " + (images.classCount() - 1)
                    + " (the data's classes), got " + targetClass);
        }
        if (count < 0) {
            throw new AmeException("the number of images to poison must be 0 or more, got " + count);
        }
        int[] candidates = IntStream.range(0, images.size())
                .filter(i -> images.label(i) != targetClass).toArray();
        if (count < 0 || count > candidates.length) {
            throw new AmeException("cannot poison " + count + " images: only " + candidates.length
                    + " training images are not already labelled " + targetClass);
        }
        // A partial Fisher–Yates shuffle picks a uniform subset of the candidates.
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(candidates.length - i);
            int swap = candidates[i];
            candidates[i] = candidates[j];
            candidates[j] = swap;
        }
        int[] chosen = Arrays.copyOf(candidates, count);
        Arrays.sort(chosen);
        int[] labels = images.labels();
        float[] pixels = images.features().float32Data().clone();
        int[] hw = imageSize(images);
        int exampleSize = hw[0] * hw[1];
        for (int index : chosen) {
            patch.stamp(pixels, index * exampleSize, hw[0], hw[1]);
            labels[index] = targetClass;
        }
        Dataset poisoned = new Dataset(Tensor.wrapFloat32(images.features().shape(), pixels), labels);
        return new PoisonedDataset(poisoned, chosen);
    }

    /** Every image of {@code images} with the trigger stamped and labels unchanged (e.g. triggered test queries). */
    public Dataset stampAll(Dataset images) {
        float[] pixels = images.features().float32Data().clone();
        int[] hw = imageSize(images);
        for (int i = 0; i < images.size(); i++) {
            patch.stamp(pixels, i * hw[0] * hw[1], hw[0], hw[1]);
        }
        return new Dataset(Tensor.wrapFloat32(images.features().shape(), pixels), images.labels());
    }

    private static int[] imageSize(Dataset images) {
        int[] dims = images.exampleShape().dims();
        if (dims.length == 2) {
            return dims;
        }
        if (dims.length == 3 && dims[0] == 1) {
            return new int[] {dims[1], dims[2]};
        }
        throw new AmeException("poisoning needs single-channel images shaped [h, w] or [1, h, w], got "
                + images.exampleShape());
    }
}
