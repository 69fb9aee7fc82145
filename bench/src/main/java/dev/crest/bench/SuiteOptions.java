package dev.crest.bench;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Settings of one {@link BenchSuite} run, from its command line: quick or full length, the thread count both
 * sides use, the Python running the NumPy baseline and its script, the Fashion-MNIST folder, where results go
 * and which sections run.
 */
public record SuiteOptions(boolean quick, int threads, Path python, Path numpyScript, Path dataDirectory,
        Path outputDirectory, Set<String> sections) {

    /** Section names, in running order. */
    public static final List<String> ALL_SECTIONS = List.of("gemm", "conv", "mlp");

    /** Checks the thread count and section names. */
    public SuiteOptions {
        if (threads < 1) {
            throw new BenchException("--threads must be at least 1, got " + threads);
        }
        for (String section : sections) {
            if (!ALL_SECTIONS.contains(section)) {
                throw new BenchException("unknown section '" + section + "'; choose from " + ALL_SECTIONS);
            }
        }
        sections = Set.copyOf(sections);
    }

    /** Parses {@code --quick --threads N --python P --numpy-script S --data D --out O --only a,b}. */
    public static SuiteOptions parse(String[] args) {
        boolean quick = false;
        int threads = 2;
        Path python = Path.of("/usr/bin/python3");
        Path script = Path.of("bench/scripts/numpy_gemm.py");
        Path data = Path.of("/usr/share/datasets/fashion-mnist");
        Path out = Path.of("bench/results");
        Set<String> sections = new LinkedHashSet<>(ALL_SECTIONS);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick":
                    quick = true;
                    break;
                case "--threads":
                    threads = parseInt(value(args, ++i, arg), arg);
                    break;
                case "--python":
                    python = Path.of(value(args, ++i, arg));
                    break;
                case "--numpy-script":
                    script = Path.of(value(args, ++i, arg));
                    break;
                case "--data":
                    data = Path.of(value(args, ++i, arg));
                    break;
                case "--out":
                    out = Path.of(value(args, ++i, arg));
                    break;
                case "--only":
                    sections = new LinkedHashSet<>(List.of(value(args, ++i, arg).split(",")));
                    break;
                default:
                    throw new BenchException("unknown option '" + arg + "'; options: --quick --threads N --python P"
                            + " --numpy-script S --data DIR --out DIR --only gemm,conv,mlp");
            }
        }
        return new SuiteOptions(quick, threads, python, script, data, out, sections);
    }

    /** True when {@code section} should run. */
    public boolean runs(String section) {
        return sections.contains(section);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new BenchException(option + " needs a value");
        }
        return args[index];
    }

    private static int parseInt(String text, String option) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new BenchException(option + " needs a whole number, got '" + text + "'");
        }
    }
}
