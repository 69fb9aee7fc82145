package dev.crest.bench.gemm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crest.bench.BenchException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Runs {@code bench/scripts/numpy_gemm.py} (NumPy's float32 matmul) as a child process and reads its JSON. The
 * OpenBLAS core-type overrides that this machine may set for older OpenBLAS builds are removed for this one
 * command, as they slow a current NumPy; what the script then ran on is recorded in its output.
 */
public final class NumpyGemmBaseline {
    private static final List<String> REMOVED_VARIABLES = List.of("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE");

    private final Path python;
    private final Path script;

    /** A baseline run with interpreter {@code python} and the script at {@code script}. */
    public NumpyGemmBaseline(Path python, Path script) {
        this.python = python;
        this.script = script;
    }

    /** The measured GFLOP/s per size and the NumPy and BLAS provenance. */
    public record Result(Map<Integer, Double> gflopsBySize, String numpyVersion, String blasSummary,
            JsonNode raw) {
    }

    /**
     * Times the given square sizes on {@code threads} BLAS threads with {@code repeats} measured loops of about
     * {@code loopSeconds} each.
     */
    public Result run(int[] sizes, int threads, int repeats, double loopSeconds, double warmupSeconds) {
        if (!Files.isExecutable(python)) {
            throw new BenchException("no Python at " + python + "; install Debian's python3-numpy or pass --python");
        }
        if (!Files.isRegularFile(script)) {
            throw new BenchException("NumPy GEMM script not found at " + script + "; run from the repository root");
        }
        List<String> command = new ArrayList<>(List.of(python.toString(), script.toString(),
                "--sizes", Arrays.stream(sizes).mapToObj(Integer::toString).collect(Collectors.joining(",")),
                "--threads", Integer.toString(threads),
                "--repeats", Integer.toString(repeats),
                "--loop-seconds", Double.toString(loopSeconds),
                "--warmup-seconds", Double.toString(warmupSeconds)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        REMOVED_VARIABLES.forEach(builder.environment()::remove);
        String output;
        int exit;
        try {
            Process process = builder.start();
            try (InputStream stdout = process.getInputStream()) {
                output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            }
            exit = process.waitFor();
        } catch (IOException e) {
            throw new BenchException("could not run " + python + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while NumPy was running", e);
        }
        if (exit != 0) {
            throw new BenchException("the NumPy GEMM script failed (exit " + exit + "); is numpy installed for "
                    + python + "?");
        }
        return parse(output);
    }

    static Result parse(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new BenchException("the NumPy GEMM script printed no JSON: " + e.getMessage(), e);
        }
        Map<Integer, Double> gflops = new TreeMap<>();
        for (JsonNode result : root.path("results")) {
            gflops.put(result.path("n").asInt(), result.path("gflops").asDouble());
        }
        return new Result(gflops, root.path("numpy_version").asText(), summarizeBlas(root.path("blas")), root);
    }

    private static String summarizeBlas(JsonNode blas) {
        JsonNode pools = blas.path("pools");
        if (pools.isArray() && pools.size() > 0) {
            List<String> names = new ArrayList<>();
            for (JsonNode pool : pools) {
                names.add(pool.path("internal_api").asText() + " " + pool.path("version").asText() + " ("
                        + pool.path("architecture").asText() + ", " + pool.path("num_threads").asInt()
                        + " threads)");
            }
            return String.join("; ", names);
        }
        JsonNode config = blas.path("config");
        if (config.isObject()) {
            return config.path("name").asText("unknown") + " " + config.path("version").asText("");
        }
        return "unknown BLAS";
    }
}
