package dev.crest.spark.fuzz;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one shard's task returns: on success its output folder packed as files ({@code summary.json} and its bug
 * folders); on failure the error, in one line naming the cause.
 *
 * @param index the shard's index
 * @param host the executor host that ran it
 * @param error why the shard failed, or null when it succeeded
 * @param files the shard's output folder, empty when it failed
 */
public record ShardResult(int index, String host, String error, ArrayList<PackedFile> files)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A shard that ran its campaign and left {@code files}. */
    public static ShardResult succeeded(int index, String host, List<PackedFile> files) {
        return new ShardResult(index, host, null, new ArrayList<>(files));
    }

    /** A shard whose campaign could not run or ended with an error. */
    public static ShardResult failed(int index, String host, String error) {
        return new ShardResult(index, host, error, new ArrayList<>());
    }

    /** The error, if the shard failed. */
    public Optional<String> failure() {
        return Optional.ofNullable(error);
    }

    /** One line for the user: which shard failed where, and why. */
    public String describeFailure() {
        return "shard " + index + " on " + host + " failed: " + error;
    }
}
