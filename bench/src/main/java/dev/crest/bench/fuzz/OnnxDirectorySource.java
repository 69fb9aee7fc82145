package dev.crest.bench.fuzz;

import dev.crest.bench.BenchException;
import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.ValueInfo;
import dev.crest.graph.onnx.OnnxModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code .onnx} files of a directory, in name order, each once; the requested size is ignored. A file
 * {@code NAME.searchable} beside {@code NAME.onnx} lists the names the search may set, one per line; without one,
 * the search may set every graph input and every float initializer, while integer initializers (shapes, indices,
 * axes) stay fixed.
 */
final class OnnxDirectorySource implements ModelSource {
    private final Path directory;
    private final Iterator<Path> files;

    OnnxDirectorySource(Path directory) {
        this.directory = directory;
        try (Stream<Path> listing = Files.list(directory)) {
            List<Path> models = listing.filter(p -> p.getFileName().toString().endsWith(".onnx")).sorted()
                    .collect(Collectors.toList());
            this.files = models.iterator();
        } catch (IOException e) {
            throw new BenchException("cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String label() {
        return ".onnx files of " + directory;
    }

    @Override
    public boolean honoursSize() {
        return false;
    }

    @Override
    public Optional<SearchCase> next(int nodes, long seed) {
        if (!files.hasNext()) {
            return Optional.empty();
        }
        Path file = files.next();
        Model model = OnnxModels.read(file);
        String name = file.getFileName().toString();
        Path listing = file.resolveSibling(name.substring(0, name.length() - ".onnx".length()) + ".searchable");
        Set<String> searchable;
        try {
            searchable = Files.exists(listing) ? Files.readAllLines(listing).stream().map(String::strip)
                    .filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new))
                    : searchable(model.graph());
        } catch (IOException e) {
            throw new BenchException("cannot read " + listing + ": " + e.getMessage(), e);
        }
        return Optional.of(new SearchCase(model, searchable, name));
    }

    /** Graph inputs and float initializers. */
    static Set<String> searchable(Graph graph) {
        Set<String> names = new LinkedHashSet<>();
        graph.inputs().stream().map(ValueInfo::name).forEach(names::add);
        graph.initializers().forEach((name, value) -> {
            if (value.dtype().isFloat()) {
                names.add(name);
            }
        });
        return names;
    }
}
