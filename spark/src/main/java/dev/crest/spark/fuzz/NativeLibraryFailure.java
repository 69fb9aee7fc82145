package dev.crest.spark.fuzz;

import java.util.Locale;
import java.util.Optional;

/**
 * Recognizes an executor that cannot load a native engine (a missing or incompatible ONNX Runtime, Z3, TensorFlow
 * or PyTorch library shows up as an {@link UnsatisfiedLinkError}, {@link ExceptionInInitializerError} or
 * {@link NoClassDefFoundError}) and says which library failed on which host, in one line.
 */
final class NativeLibraryFailure {
    private NativeLibraryFailure() {
    }

    /** The one-line explanation when {@code error} or one of its causes is a linkage failure; empty otherwise. */
    static Optional<String> describe(Throwable error, String host) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LinkageError) {
                String detail = t.getMessage() == null ? t.getClass().getSimpleName()
                        : t.getClass().getSimpleName() + ": " + t.getMessage().lines().findFirst().orElse("");
                return Optional.of("the executor on " + host + " cannot load the native " + library(error)
                        + " library (" + detail + "); install it there or use an executor image that has it");
            }
        }
        return Optional.empty();
    }

    /** Which engine the failing code belongs to, from the messages and stack frames of the whole chain. */
    static String library(Throwable error) {
        StringBuilder trace = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            trace.append(t.getMessage()).append('\n');
            for (StackTraceElement frame : t.getStackTrace()) {
                trace.append(frame.getClassName()).append('\n');
            }
        }
        String text = trace.toString().toLowerCase(Locale.ROOT);
        if (text.contains("onnxruntime")) {
            return "ONNX Runtime";
        }
        if (text.contains("z3")) {
            return "Z3";
        }
        if (text.contains("tensorflow")) {
            return "TensorFlow";
        }
        if (text.contains("pytorch") || text.contains("ai.djl")) {
            return "PyTorch";
        }
        return "engine";
    }
}
