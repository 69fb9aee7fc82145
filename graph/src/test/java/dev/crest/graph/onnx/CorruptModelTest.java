package dev.crest.graph.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.graph.GraphException;
import dev.crest.graph.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged model bytes must fail as one-line {@link GraphException}s, never as another exception type. */
class CorruptModelTest {
    private static final byte[] BYTES = OnnxModels.toBytes(ModelRoundTripTest.sampleModel());

    private static void parsesOrFailsCleanly(byte[] bytes, String what) {
        try {
            Model model = OnnxModels.parse(bytes);
            assertThat(model.graph()).as(what).isNotNull();
        } catch (GraphException e) {
            assertThat(e.getMessage()).as(what).isNotBlank().doesNotContain("\n");
        }
    }

    @Test
    void everyTruncationFailsCleanly() {
        for (int length = 0; length < BYTES.length; length++) {
            parsesOrFailsCleanly(Arrays.copyOf(BYTES, length), "truncated to " + length + " bytes");
        }
    }

    @Test
    void randomByteDamageFailsCleanly() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 2000; trial++) {
            byte[] damaged = BYTES.clone();
            int flips = 1 + random.nextInt(4);
            for (int i = 0; i < flips; i++) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }
            parsesOrFailsCleanly(damaged, "trial " + trial);
        }
    }

    @Test
    void writingIntoAFileInsteadOfAFolderFails(@TempDir Path dir) throws Exception {
        Path blocker = dir.resolve("blocker");
        Files.write(blocker, new byte[] {1});
        assertThatThrownBy(() -> OnnxModels.write(ModelRoundTripTest.sampleModel(), blocker.resolve("m.onnx")))
                .isInstanceOf(GraphException.class).hasMessageStartingWith("cannot write " + blocker.resolve("m.onnx"));
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(blocker);
        }
    }
}
