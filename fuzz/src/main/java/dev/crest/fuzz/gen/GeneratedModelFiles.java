package dev.crest.fuzz.gen;

import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.draw.GraphDot;
import dev.crest.fuzz.draw.GraphSvg;
import dev.crest.graph.GraphException;
import dev.crest.graph.onnx.AtomicFiles;
import dev.crest.graph.onnx.OnnxModels;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a generated model into a folder: {@code model.onnx}, {@code gir.json} and, on request, {@code graph.svg}
 * and {@code graph.dot}. Each file is written atomically; a folder that cannot be created or written to is a
 * {@link FuzzException}.
 */
public final class GeneratedModelFiles {
    public static final String MODEL = "model.onnx";
    public static final String GIR = "gir.json";
    public static final String SVG = "graph.svg";
    public static final String DOT = "graph.dot";

    private GeneratedModelFiles() {
    }

    /** Writes the files and returns their paths in writing order. */
    public static List<Path> write(GeneratedModel generated, Path folder, boolean svg, boolean dot) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new FuzzException("output folder " + folder + " is a file");
        }
        List<Path> written = new ArrayList<>();
        try {
            Path model = folder.resolve(MODEL);
            OnnxModels.write(generated.model(), model);
            written.add(model);
            written.add(text(folder.resolve(GIR), GirJson.toJson(generated)));
            if (svg) {
                written.add(text(folder.resolve(SVG), GraphSvg.render(generated.model())));
            }
            if (dot) {
                written.add(text(folder.resolve(DOT), GraphDot.render(generated.model())));
            }
        } catch (GraphException e) {
            throw new FuzzException(e.getMessage(), e);
        }
        return written;
    }

    private static Path text(Path file, String content) {
        AtomicFiles.write(file, content.getBytes(StandardCharsets.UTF_8));
        return file;
    }
}
