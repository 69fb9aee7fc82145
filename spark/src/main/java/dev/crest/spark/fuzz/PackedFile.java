package dev.crest.spark.fuzz;

import java.io.Serializable;

/**
 * One file of a shard's output folder as it travels back to the driver: its path relative to the folder (with
 * {@code /} separators) and its bytes.
 *
 * @param path the relative path, e.g. {@code bug-crash-compile-0/model.onnx}
 * @param bytes the file's contents
 */
public record PackedFile(String path, byte[] bytes) implements Serializable {
    private static final long serialVersionUID = 1L;
}
