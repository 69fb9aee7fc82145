package dev.crest.fuzz.campaign;

import dev.crest.fuzz.spec.OpFamily;
import dev.crest.fuzz.spec.OpInstance;
import dev.crest.fuzz.spec.OpSpec;
import dev.crest.fuzz.spec.Signature;
import dev.crest.fuzz.spec.SpecContext;
import dev.crest.tensor.DType;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An operator spec restricted to signatures whose first data input has one of the allowed dtypes, so the generator
 * only emits combinations the backends under test were found to accept. Everything else is the wrapped spec's.
 */
public final class DtypeRestrictedSpec implements OpSpec {
    private final OpSpec spec;
    private final Set<DType> allowed;

    /** {@code spec} limited to {@code allowed} first-input dtypes. */
    public DtypeRestrictedSpec(OpSpec spec, Set<DType> allowed) {
        this.spec = Objects.requireNonNull(spec);
        this.allowed = Set.copyOf(allowed);
    }

    /** The dtypes of the first data input over every signature of {@code spec}, the combinations a probe covers. */
    public static Set<DType> firstInputDtypes(OpSpec spec) {
        java.util.TreeSet<DType> dtypes = new java.util.TreeSet<>();
        for (int count : spec.inputCounts()) {
            for (Signature signature : spec.signatures(count)) {
                if (!signature.inputs().isEmpty()) {
                    dtypes.add(signature.inputs().get(0));
                }
            }
        }
        return dtypes;
    }

    @Override
    public String opType() {
        return spec.opType();
    }

    @Override
    public OpFamily family() {
        return spec.family();
    }

    @Override
    public int[] inputCounts() {
        return Arrays.stream(spec.inputCounts()).filter(count -> !signatures(count).isEmpty()).toArray();
    }

    @Override
    public List<Signature> signatures(int inputCount) {
        return spec.signatures(inputCount).stream()
                .filter(s -> s.inputs().isEmpty() || allowed.contains(s.inputs().get(0)))
                .toList();
    }

    @Override
    public boolean acceptsRanks(int[] ranks) {
        return spec.acceptsRanks(ranks);
    }

    @Override
    public boolean domainLimited() {
        return spec.domainLimited();
    }

    @Override
    public int sinceOpset() {
        return spec.sinceOpset();
    }

    @Override
    public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
        return spec.instantiate(context, signature, inputRanks);
    }

    @Override
    public String toString() {
        return spec.opType() + allowed;
    }
}
