package dev.crest.fuzz.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.fuzz.backend.RunOutcome;
import dev.crest.fuzz.backend.Stage;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerProtocolTest {
    private static DataInputStream framed(byte[]... payloads) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (byte[] p : payloads) {
            WorkerProtocol.writeFrame(out, p);
        }
        return new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Test
    void outcomesRoundTripWithTheirOutputsInOrder() throws IOException {
        Map<String, Tensor> outputs = new LinkedHashMap<>();
        outputs.put("z", Tensor.fromDoubles(DType.FLOAT32, Shape.of(2), new double[] {1.5, Double.NaN}));
        outputs.put("a", Tensor.fromLongs(DType.INT64, Shape.of(1), new long[] {Long.MIN_VALUE}));
        RunOutcome ok = RunOutcome.ok("onnxruntime-opt", "1.2.3", outputs);
        RunOutcome failed = RunOutcome.failed("x", "v", RunOutcome.Status.EXCEPTION, Stage.EXECUTE, "bad ü", "trace");

        DataInputStream in = framed(WorkerProtocol.outcome(ok), WorkerProtocol.outcome(failed));
        DataInputStream first = WorkerProtocol.payload(WorkerProtocol.readFrame(in));
        assertThat(first.readByte()).isEqualTo(WorkerProtocol.OUTCOME);
        RunOutcome decoded = WorkerProtocol.decodeOutcome(first);
        DataInputStream second = WorkerProtocol.payload(WorkerProtocol.readFrame(in));
        second.readByte();

        assertThat(decoded.outputs()).containsOnlyKeys("z", "a");
        assertThat(decoded.outputs().keySet()).containsExactly("z", "a");
        assertThat(decoded.outputs().get("z").sameAs(outputs.get("z"))).isTrue();
        assertThat(decoded.outputs().get("a").getLong(0)).isEqualTo(Long.MIN_VALUE);
        assertThat(WorkerProtocol.decodeOutcome(second)).isEqualTo(failed);
        assertThat(WorkerProtocol.readFrame(in)).isNull();
    }

    @Test
    void strayBytesOnTheChannelAreDetected() {
        byte[] noise = "hello from a native library\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> WorkerProtocol.readFrame(new DataInputStream(new ByteArrayInputStream(noise))))
                .isInstanceOf(IOException.class).hasMessageContaining("corrupted worker channel");
    }

    @Test
    void theStderrLogKeepsTheLastBytesAndSaysWhatItDropped() {
        BoundedLog log = new BoundedLog(8);
        byte[] text = "0123456789abc".getBytes(StandardCharsets.US_ASCII);
        log.append(text, 0, text.length);

        assertThat(log.text()).isEqualTo("[… 5 earlier bytes dropped]\n56789abc");
        log.clear();
        log.append(text, 0, 3);
        assertThat(log.text()).isEqualTo("012");
    }
}
