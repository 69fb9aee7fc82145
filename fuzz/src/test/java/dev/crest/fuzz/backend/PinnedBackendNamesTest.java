package dev.crest.fuzz.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.testing.TestBackends;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Backend names pinned to a release: how they are read and what runs they stand for. */
class PinnedBackendNamesTest {
    private final BackendRegistry registry = BackendRegistry.standard();

    @Test
    void aPinnedOnnxRuntimeStandsForBothLevelsOfThatRelease() {
        assertThat(registry.expand("onnxruntime@1.12.1")).containsExactly(TargetRun.of("onnxruntime-noopt@1.12.1"),
                TargetRun.optimized("onnxruntime-opt@1.12.1", "onnxruntime-noopt@1.12.1"));
        assertThat(registry.expand("onnxruntime-opt@1.16.3")).containsExactly(TargetRun.of("onnxruntime-opt@1.16.3"));
    }

    @Test
    void severalReleasesExpandSideBySide() {
        assertThat(registry.expandAll(List.of("onnxruntime@1.12.1", "onnxruntime@1.23.2", "onnxruntime@1.12.1")))
                .extracting(TargetRun::backend).containsExactly("onnxruntime-noopt@1.12.1", "onnxruntime-opt@1.12.1",
                        "onnxruntime-noopt@1.23.2", "onnxruntime-opt@1.23.2");
    }

    @Test
    void versionsAreReleaseNumbers() {
        assertThat(BackendRef.parse("onnxruntime@1.17.0-rc1").version()).contains("1.17.0-rc1");
        assertThat(BackendRef.parse(" onnxruntime-opt@1.12.1 ")).isEqualTo(new BackendRef("onnxruntime-opt",
                Optional.of("1.12.1")));
        for (String bad : List.of("onnxruntime@latest", "onnxruntime@../1.2", "onnxruntime@1.2 x", "onnxruntime@1.2/3")) {
            assertThatThrownBy(() -> BackendRef.parse(bad)).as(bad).isInstanceOf(FuzzException.class)
                    .hasMessageContaining("release number such as onnxruntime@1.12.1");
        }
        assertThat(BackendRef.parse("onnxruntime").withVersion("1.10.0")).hasToString("onnxruntime@1.10.0");
    }

    @Test
    void onlyEnginesShippedAsOneJarCanBePinned() {
        assertThatThrownBy(() -> registry.expand(TestBackends.CHATTY + "@1.0")).isInstanceOf(FuzzException.class)
                .hasMessageContaining("only onnxruntime can be pinned")
                .hasMessageContaining("write '" + TestBackends.CHATTY + "'");
        assertThatThrownBy(() -> registry.expand("tvm@0.9")).isInstanceOf(FuzzException.class)
                .hasMessageContaining("only onnxruntime can be pinned");
    }
}
