package dev.crest.ame.learn;

import dev.crest.tensor.Shape;
import dev.crest.tensor.nn.Module;
import java.util.SplittableRandom;

/** Builds a freshly initialized network for one submodel from the example shape and the number of classes. */
@FunctionalInterface
public interface NetworkFactory {
    /**
     * @param exampleShape the shape of one training example (without the batch axis)
     * @param random the only source of randomness the initialization may use
     */
    Module create(Shape exampleShape, int classCount, SplittableRandom random);
}
