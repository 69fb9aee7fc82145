package dev.crest.spark.fuzz;

import ai.onnxruntime.OrtEnvironment;
import com.microsoft.z3.Context;
import java.util.List;

/**
 * Loads, on an executor before its shard starts, the native libraries the shard's campaign needs (Z3 for the
 * generator, ONNX Runtime when an ONNX Runtime backend is tested), so an executor without them fails at once with
 * the library's name instead of in the middle of a campaign. Linkage errors propagate to the caller.
 */
final class NativeLibraryCheck {
    private NativeLibraryCheck() {
    }

    /** Loads Z3, and ONNX Runtime when one of {@code backends} needs it. */
    static void require(List<String> backends) {
        try (Context z3 = new Context()) {
            z3.mkTrue();
        }
        if (backends.stream().anyMatch(NativeLibraryCheck::usesOnnxRuntime)) {
            OrtEnvironment.getEnvironment();
        }
    }

    private static boolean usesOnnxRuntime(String backend) {
        return backend.startsWith("onnxruntime");
    }
}
