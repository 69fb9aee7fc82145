package dev.crest.netsim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.netsim.NetsimException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceWorkloadsTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void headerNamingBytesAndForwardDirective() throws IOException {
        Path file = write("job.csv", "# forward_seconds=0.25\n"
                + "time_s,size_bytes,tensor\n"
                + "0.010,4000,fc/weights\n"
                + "\n"
                + "0.020,40,fc/bias\n"
                + "0.500,1000,conv1/weights\n");
        Workload w = TraceWorkloads.read(file, WorkloadSettings.defaults());
        assertThat(w.name()).isEqualTo("job.csv");
        assertThat(w.forwardSeconds()).isEqualTo(0.25);
        // model order is the reverse of the gradient order
        assertThat(w.tensors()).containsExactly(new TensorSpec("conv1/weights", 8000),
                new TensorSpec("fc/bias", 320), new TensorSpec("fc/weights", 32000));
        assertThat(w.backprop()).containsExactly(new GradientEmission(2, 0.010), new GradientEmission(1, 0.020),
                new GradientEmission(0, 0.500));
        assertThat(w.backpropSeconds()).isEqualTo(0.5);
    }

    @Test
    void headerNamingBitsAndRowsInAnyOrder() throws IOException {
        Path file = write("bits.csv", "seconds,bits,name\n0.3,64,b\n0.1,128,a\n0.3,32,c\n");
        Workload w = TraceWorkloads.read(file, 1.0);
        // equal times: the later row counts as earlier in the model
        assertThat(w.tensors()).extracting(TensorSpec::name).containsExactly("c", "b", "a");
        assertThat(w.tensors()).extracting(TensorSpec::bits).containsExactly(32L, 64L, 128L);
        assertThat(w.forwardSeconds()).isEqualTo(1.0);
    }

    @Test
    void withoutHeaderSizesAreBytesAndSettingsGiveTheForwardTime() throws IOException {
        Path file = write("plain.csv", "# forward_seconds=9\n0,10,x\n1.5,20,y\n");
        Workload w = TraceWorkloads.read(file, WorkloadSettings.defaults().withForwardSeconds(0.169));
        assertThat(w.forwardSeconds()).isEqualTo(0.169);
        assertThat(w.totalBits()).isEqualTo(240);
        assertThat(Workloads.resolve(file.toString(), WorkloadSettings.defaults()).forwardSeconds()).isEqualTo(9.0);
    }

    private void assertError(String content, String... fragments) throws IOException {
        Path file = write("bad.csv", content);
        assertThatThrownBy(() -> TraceWorkloads.read(file, 1.0))
                .isInstanceOf(NetsimException.class)
                .hasMessageContaining(file.toString())
                .hasMessageNotContaining("\n")
                .satisfies(e -> assertThat(e.getMessage()).contains(fragments));
    }

    @Test
    void missingColumn() throws IOException {
        assertError("0.1,10,a\n0.2,20\n", "line 2", "expected 3 columns");
        assertError("0.1,,a\n", "line 1", "missing size");
        assertError("0.1,10,\n", "line 1", "missing tensor name");
    }

    @Test
    void negativeOrZeroSize() throws IOException {
        assertError("time,bytes,name\n0.1,-5,a\n", "line 2", "negative size -5");
        assertError("0.1,0,a\n", "line 1", "size is zero");
        assertError("0.1,1.5,a\n", "line 1", "not a whole number");
    }

    @Test
    void nonNumericOrNegativeTime() throws IOException {
        assertError("0.1,10,a\nsoon,10,b\n", "line 2", "time 'soon' is not a number");
        assertError("abc,10,b\n", "line 1", "time 'abc' is not a number");
        assertError("-0.1,10,b\n", "line 1", "negative time");
        assertError("NaN,10,b\n", "line 1", "not finite");
    }

    @Test
    void duplicateTensor() throws IOException {
        assertError("0.1,10,a\n0.2,20,b\n0.3,30,a\n", "line 3", "tensor 'a' already appeared on line 1");
    }

    @Test
    void emptyFile() throws IOException {
        assertError("", "no gradient rows");
        assertError("# only a comment\ntime,bytes,tensor\n\n", "no gradient rows");
    }

    @Test
    void headerWithoutUnit() throws IOException {
        assertError("time,size,tensor\n0.1,10,a\n", "line 1", "must name its unit");
    }

    @Test
    void missingForwardTime() throws IOException {
        Path file = write("noforward.csv", "0.1,10,a\n");
        assertThatThrownBy(() -> TraceWorkloads.read(file, WorkloadSettings.defaults()))
                .isInstanceOf(NetsimException.class).hasMessageContaining("forward_seconds");
    }

    @Test
    void malformedForwardDirective() throws IOException {
        Path file = write("badforward.csv", "# forward_seconds=fast\n0.1,10,a\n");
        assertThatThrownBy(() -> TraceWorkloads.read(file, WorkloadSettings.defaults()))
                .isInstanceOf(NetsimException.class).hasMessageContaining("line 1")
                .hasMessageContaining("'fast' is not a number");
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("absent.csv");
        assertThatThrownBy(() -> TraceWorkloads.read(file, 1.0))
                .isInstanceOf(NetsimException.class).hasMessageContaining("does not exist");
    }
}
