package dev.crest.fuzz.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.testing.TestBackends;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackendRegistryTest {
    private final BackendRegistry registry = BackendRegistry.standard();

    @Test
    void onnxRuntimeStandsForAnUnoptimizedAndAPairedOptimizedRun() {
        assertThat(registry.expand("onnxruntime")).containsExactly(TargetRun.of(OrtBackend.NO_OPT),
                TargetRun.optimized(OrtBackend.OPT, OrtBackend.NO_OPT));
    }

    @Test
    void findsServiceLoadedBackendsAndExpandsListsWithoutRepeats() {
        assertThat(registry.names()).startsWith("reference", OrtBackend.NO_OPT, OrtBackend.OPT)
                .contains(TestBackends.PERTURBED_OPT);
        assertThat(registry.expandAll(List.of("onnxruntime", OrtBackend.OPT, TestBackends.CHATTY)))
                .extracting(TargetRun::backend).containsExactly(OrtBackend.NO_OPT, OrtBackend.OPT, TestBackends.CHATTY);
    }

    @Test
    void rejectsUnknownNamesAndTheReferenceAsATarget() {
        assertThatThrownBy(() -> registry.expand("tvm")).isInstanceOf(FuzzException.class)
                .hasMessageContaining("unknown backend 'tvm'").hasMessageContaining(OrtBackend.OPT);
        assertThatThrownBy(() -> registry.expand("reference")).isInstanceOf(FuzzException.class)
                .hasMessageContaining("oracle");
    }

    @Test
    void parsesPinnedVersionsAndChecksThemAgainstTheRunningBackend() {
        assertThat(BackendRef.parse("onnxruntime")).isEqualTo(new BackendRef("onnxruntime", java.util.Optional.empty()));
        BackendRef pinned = BackendRef.parse("onnxruntime@1.12.1");
        assertThat(pinned.version()).contains("1.12.1");
        assertThatThrownBy(() -> BackendRef.parse("onnxruntime@")).isInstanceOf(FuzzException.class)
                .hasMessageContaining("NAME@VERSION");

        try (InProcessExecutor executor = new InProcessExecutor(registry)) {
            List<TargetRun> runs = registry.expand(pinned.name());
            String actual = executor.version(OrtBackend.OPT);
            BackendRef.parse("onnxruntime@" + actual).checkVersion(executor, runs);
            assertThatThrownBy(() -> pinned.checkVersion(executor, runs)).isInstanceOf(FuzzException.class)
                    .hasMessageContaining("onnxruntime@1.12.1 was requested", actual);
        }
    }
}
