package dev.crest.cli;

/** Which implementation {@code crest model run} executes a model with. */
enum Engine {
    /** Crest's float64-accurate reference interpreter. */
    REFERENCE,
    /** Microsoft ONNX Runtime (CPU), through its Java API. */
    ONNXRUNTIME
}
