package dev.crest.bench.gemm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.bench.BenchException;
import org.junit.jupiter.api.Test;

class NumpyGemmBaselineTest {
    @Test
    void readsGflopsAndSummarizesThreadpoolctlPools() {
        String json = "{\"numpy_version\": \"1.24.2\", \"blas\": {\"source\": \"threadpoolctl 3.1.0\", \"pools\": ["
                + "{\"internal_api\": \"openblas\", \"version\": \"0.3.21\", \"architecture\": \"Zen\","
                + " \"num_threads\": 2}]},"
                + " \"results\": [{\"n\": 512, \"gflops\": 120.5}, {\"n\": 256, \"gflops\": 99.0}]}";
        NumpyGemmBaseline.Result result = NumpyGemmBaseline.parse(json);
        assertThat(result.numpyVersion()).isEqualTo("1.24.2");
        assertThat(result.blasSummary()).isEqualTo("openblas 0.3.21 (Zen, 2 threads)");
        assertThat(result.gflopsBySize()).containsEntry(256, 99.0).containsEntry(512, 120.5);
    }

    @Test
    void summarizesBuildConfigWithoutThreadpoolctl() {
        String json = "{\"numpy_version\": \"2.4.6\", \"blas\": {\"source\": \"numpy.show_config\", \"config\": "
                + "{\"name\": \"scipy-openblas\", \"version\": \"0.3.31\"}}, \"results\": []}";
        assertThat(NumpyGemmBaseline.parse(json).blasSummary()).isEqualTo("scipy-openblas 0.3.31");
    }

    @Test
    void rejectsOutputThatIsNotJson() {
        assertThatThrownBy(() -> NumpyGemmBaseline.parse("Traceback (most recent call last):"))
                .isInstanceOf(BenchException.class).hasMessageContaining("no JSON");
    }
}
