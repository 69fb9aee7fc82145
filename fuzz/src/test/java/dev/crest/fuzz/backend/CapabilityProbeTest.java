package dev.crest.fuzz.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.fuzz.testing.TestModels;
import dev.crest.graph.ort.OrtRunner;
import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capability probe on real ONNX Runtime, and its version-keyed cache. */
class CapabilityProbeTest {
    private static final OpDtype COS_F32 = new OpDtype("Cos", DType.FLOAT32);
    private static final OpDtype COS_F64 = new OpDtype("Cos", DType.FLOAT64);
    private static final OpDtype SIN_F64 = new OpDtype("Sin", DType.FLOAT64);
    private static final OpDtype ABS_F64 = new OpDtype("Abs", DType.FLOAT64);

    @TempDir
    Path cache;

    /** Counts the runs that reach the backend, to see what the cache saves. */
    private static final class CountingExecutor implements BackendExecutor {
        final InProcessExecutor delegate = new InProcessExecutor(BackendRegistry.standard());
        final List<String> runs = new ArrayList<>();

        @Override
        public RunOutcome execute(String backend, byte[] modelBytes, Map<String, Tensor> inputs) {
            runs.add(backend);
            return delegate.execute(backend, modelBytes, inputs);
        }

        @Override
        public String version(String backend) {
            return delegate.version(backend);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    private static Optional<ProbeCase> build(OpDtype c) {
        return Optional.of(TestModels.probe(c.opType(), c.dtype()));
    }

    @Test
    void keepsTheCombinationsOnnxRuntimeAcceptsAndCachesThemPerVersion() {
        try (CountingExecutor executor = new CountingExecutor()) {
            CapabilityProbe probe = new CapabilityProbe(executor, cache);

            Capabilities first = probe.probe(OrtBackend.OPT, List.of(COS_F32, COS_F64, ABS_F64),
                    CapabilityProbeTest::build);

            assertThat(first.version()).isEqualTo(OrtRunner.version());
            assertThat(first.accepts(COS_F32)).isTrue();
            assertThat(first.accepts(ABS_F64)).isTrue();
            // ONNX Runtime registers Cos for float32 only.
            assertThat(first.accepts(COS_F64)).isFalse();
            assertThat(first.entry(COS_F64).orElseThrow().error()).contains("compile");
            assertThat(first.excludedOperators()).isEmpty();
            assertThat(first.exclusionNotes()).singleElement().asString().contains("rejects Cos(float64)");
            assertThat(executor.runs).hasSize(3);
            assertThat(probe.cacheFile(OrtBackend.OPT, OrtRunner.version())).isRegularFile()
                    .satisfies(f -> assertThat(f.getFileName().toString())
                            .startsWith(OrtBackend.OPT + "-" + OrtRunner.version() + "-").endsWith(".json"));

            Capabilities onlyFloat64 = probe.probe(OrtBackend.OPT, List.of(COS_F64, ABS_F64), CapabilityProbeTest::build);

            assertThat(executor.runs).hasSize(3);
            assertThat(onlyFloat64.excludedOperators()).containsExactly("Cos");
            assertThat(onlyFloat64.exclusionNotes()).singleElement().asString().contains("supports no dtype of Cos");

            Capabilities again = new CapabilityProbe(executor, cache).probe(OrtBackend.OPT,
                    List.of(COS_F32, COS_F64, new OpDtype("Cos", DType.FLOAT16)), CapabilityProbeTest::build);

            // Only the new combination ran; the two known ones came from the cache, the unasked ones are left out.
            assertThat(executor.runs).hasSize(4);
            assertThat(again.entries()).extracting(Capabilities.Entry::combination)
                    .containsExactlyInAnyOrder(COS_F32, COS_F64, new OpDtype("Cos", DType.FLOAT16));
            assertThat(again.accepts(COS_F32)).isTrue();
            assertThat(again.accepts(COS_F64)).isFalse();
        }
    }

    @Test
    void aCombinationWithoutAModelIsRejectedAndACorruptCacheIsReprobed() throws Exception {
        try (CountingExecutor executor = new CountingExecutor()) {
            CapabilityProbe probe = new CapabilityProbe(executor, cache);
            Files.createDirectories(cache);
            Files.writeString(probe.cacheFile(ReferenceBackend.NAME, executor.version(ReferenceBackend.NAME)), "{oops");

            Capabilities caps = probe.probe(ReferenceBackend.NAME, List.of(COS_F64, SIN_F64),
                    c -> c.equals(SIN_F64) ? Optional.empty() : build(c));

            assertThat(caps.accepts(COS_F64)).isTrue();
            assertThat(caps.entry(SIN_F64).orElseThrow().error()).contains("no one-node model");
            assertThat(executor.runs).containsExactly(ReferenceBackend.NAME);
        }
    }
}
