package dev.crest.fuzz.backend.tensorflow;

import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.campaign.DtypeRestrictedSpec;
import dev.crest.fuzz.gen.GeneratedModel;
import dev.crest.fuzz.gen.Generator;
import dev.crest.fuzz.gen.GeneratorSettings;
import dev.crest.fuzz.spec.OpSpec;
import dev.crest.tensor.DType;
import dev.crest.tensor.kernel.KernelRegistry;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One-node models the generator builds from a single spec restricted to one first-input dtype. */
final class TfSpecCases {
    private TfSpecCases() {
    }

    /**
     * The opset of trial {@code trial}: 17 (the generator's default), the operator's first opset, 13 and the
     * newest, so that both the attribute and the input forms of axes, bounds and pads are exercised.
     */
    static int opset(OpSpec spec, int trial) {
        List<Integer> opsets = List.of(17, Math.max(spec.sinceOpset(), GeneratorSettings.MIN_OPSET), 13,
                KernelRegistry.OPSET);
        int opset = opsets.get(trial % opsets.size());
        return Math.max(opset, spec.sinceOpset());
    }

    /** A one-node model of {@code spec} with first input {@code dtype}, trying a few seeds from {@code seed}. */
    static Optional<GeneratedModel> oneNode(OpSpec spec, DType dtype, long seed, int opset) {
        OpSpec only = new DtypeRestrictedSpec(spec, Set.of(dtype));
        for (long s = seed; s < seed + 3; s++) {
            try {
                return Optional.of(Generator.generate(GeneratorSettings.defaults(s).withNodes(1).withOpset(opset)
                        .withOperators(List.of(only))));
            } catch (FuzzException e) {
                // This draw found no placement; another seed may.
            }
        }
        return Optional.empty();
    }
}
