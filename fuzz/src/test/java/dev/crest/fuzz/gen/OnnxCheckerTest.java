package dev.crest.fuzz.gen;

import dev.crest.graph.onnx.OnnxModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Generated models pass ONNX's own checker with full type and shape inference, which rejects declared shapes
 * that disagree with ONNX's inference. Needs Debian's python3-onnx (CI installs it).
 */
class OnnxCheckerTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String CHECK_ALL = String.join("\n",
            "import onnx, sys",
            "bad = 0",
            "for f in sys.argv[1:]:",
            "    try:",
            "        onnx.checker.check_model(onnx.load(f), full_check=True)",
            "    except Exception as e:",
            "        print(f + ': ' + str(e).replace('\\n', ' '))",
            "        bad += 1",
            "sys.exit(1 if bad else 0)");

    @TempDir
    Path folder;

    @Test
    void generatedModelsPassOnnxFullCheck() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 is not installed");
        assumeTrue(run(List.of(PYTHON.toString(), "-c", "import onnx")).exitCode == 0,
                "python3-onnx is not installed");
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-c", CHECK_ALL));
        for (long seed = 0; seed < 30; seed++) {
            command.add(write(Generator.generate(GeneratorSettings.defaults(seed)), "nodes10-seed" + seed));
        }
        for (long seed = 0; seed < 10; seed++) {
            command.add(write(Generator.generate(GeneratorSettings.defaults(seed).withNodes(20)), "nodes20-seed" + seed));
        }
        // The older operator forms the specs lower to, each with the IR version of its release (ONNX 1.12 knows up
        // to opset 17).
        for (int opset : new int[] {7, 9, 11, 13, 15}) {
            for (long seed = 0; seed < 3; seed++) {
                GeneratorSettings settings = GeneratorSettings.defaults(seed).withOpset(opset);
                command.add(write(Generator.generate(settings), "opset" + opset + "-seed" + seed));
            }
        }
        Outcome outcome = run(command);
        assertThat(outcome.output).isEmpty();
        assertThat(outcome.exitCode).isZero();
    }

    private String write(GeneratedModel generated, String name) {
        Path file = folder.resolve(name + ".onnx");
        OnnxModels.write(generated.model(), file);
        return file.toString();
    }

    private record Outcome(int exitCode, String output) {
    }

    private static Outcome run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the ONNX checker did not finish");
        }
        return new Outcome(process.exitValue(), output);
    }
}
