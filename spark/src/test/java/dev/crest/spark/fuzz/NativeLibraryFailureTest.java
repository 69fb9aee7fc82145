package dev.crest.spark.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.fuzz.FuzzException;
import org.junit.jupiter.api.Test;

class NativeLibraryFailureTest {
    @Test
    void aMissingOnnxRuntimeLibraryIsNamedWithTheHost() {
        Throwable error = new FuzzException("cannot start the backend",
                new UnsatisfiedLinkError("no onnxruntime in java.library.path: /usr/lib"));
        assertThat(NativeLibraryFailure.describe(error, "node-7")).hasValueSatisfying(message -> assertThat(message)
                .contains("node-7").contains("native ONNX Runtime library")
                .contains("UnsatisfiedLinkError: no onnxruntime in java.library.path"));
    }

    @Test
    void aZ3ClassThatFailedToInitializeIsNamed() {
        Throwable error = new NoClassDefFoundError("Could not initialize class com.microsoft.z3.Native");
        assertThat(NativeLibraryFailure.describe(error, "h")).hasValueSatisfying(message -> assertThat(message)
                .contains("native Z3 library"));
    }

    @Test
    void anOrdinaryErrorIsNoLinkageFailure() {
        assertThat(NativeLibraryFailure.describe(new FuzzException("unknown backend 'x'"), "h")).isEmpty();
    }
}
