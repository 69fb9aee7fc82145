package dev.crest.fuzz.campaign;

import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.backend.BackendExecutor;
import dev.crest.fuzz.backend.Capabilities;
import dev.crest.fuzz.backend.CapabilityProbe;
import dev.crest.fuzz.backend.OpDtype;
import dev.crest.fuzz.backend.ProbeCase;
import dev.crest.fuzz.backend.TargetRun;
import dev.crest.fuzz.gen.GeneratedModel;
import dev.crest.fuzz.gen.Generator;
import dev.crest.fuzz.gen.GeneratorSettings;
import dev.crest.fuzz.spec.OpSpec;
import dev.crest.tensor.DType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Restricts a campaign's operators to what every backend under test accepts: each operator × first-input dtype is
 * probed with a one-node model the generator builds from that spec alone (through the {@link CapabilityProbe},
 * whose per-version cache makes this a one-time cost), and specs are narrowed to the accepted dtypes or dropped.
 */
final class SupportedOperators {
    /** Seeds tried for a one-node model before the combination counts as one the generator cannot build. */
    private static final int PROBE_SEEDS = 3;

    private final BackendExecutor executor;
    private final Path cacheDir;
    private final int opset;
    private final Map<OpDtype, Optional<ProbeCase>> built = new HashMap<>();

    SupportedOperators(BackendExecutor executor, Path cacheDir, int opset) {
        this.executor = executor;
        this.cacheDir = cacheDir;
        this.opset = opset;
    }

    /** {@code specs} narrowed to what every run's backend accepts; one line per exclusion goes to {@code notes}. */
    List<OpSpec> restrict(List<OpSpec> specs, List<TargetRun> runs, List<String> notes) {
        List<OpDtype> combinations = new ArrayList<>();
        Map<String, OpSpec> byType = new HashMap<>();
        for (OpSpec spec : specs) {
            byType.put(spec.opType(), spec);
            DtypeRestrictedSpec.firstInputDtypes(spec).forEach(d -> combinations.add(new OpDtype(spec.opType(), d)));
        }
        CapabilityProbe probe = new CapabilityProbe(executor, cacheDir);
        Set<OpDtype> accepted = new LinkedHashSet<>(combinations);
        for (TargetRun run : runs) {
            Capabilities capabilities = probe.probe(run.backend(), combinations, c -> build(byType.get(c.opType()), c));
            accepted.removeIf(c -> !capabilities.accepts(c));
            notes.addAll(capabilities.exclusionNotes());
        }
        List<OpSpec> restricted = new ArrayList<>();
        for (OpSpec spec : specs) {
            Set<DType> all = DtypeRestrictedSpec.firstInputDtypes(spec);
            Set<DType> ok = new LinkedHashSet<>();
            all.forEach(d -> {
                if (accepted.contains(new OpDtype(spec.opType(), d))) {
                    ok.add(d);
                }
            });
            if (ok.size() == all.size()) {
                restricted.add(spec);
            } else if (!ok.isEmpty()) {
                restricted.add(new DtypeRestrictedSpec(spec, ok));
            }
        }
        return restricted;
    }

    private Optional<ProbeCase> build(OpSpec spec, OpDtype combination) {
        return built.computeIfAbsent(combination, c -> {
            OpSpec only = new DtypeRestrictedSpec(spec, Set.of(c.dtype()));
            for (int seed = 0; seed < PROBE_SEEDS; seed++) {
                try {
                    GeneratedModel model = Generator.generate(GeneratorSettings.defaults(seed).withNodes(1)
                            .withOpset(opset).withOperators(List.of(only)));
                    return Optional.of(ProbeCase.of(c, model.model(), model.initialInputs()));
                } catch (FuzzException e) {
                    // This draw found no placement; another seed may.
                }
            }
            return Optional.empty();
        });
    }
}
