package dev.crest.fuzz.finding;

import dev.crest.fuzz.diff.TestCase;
import java.nio.file.Path;

/**
 * A finding read back from its folder: the metadata, the test case (the exact model bytes, inputs and reference
 * outputs) and the error log.
 *
 * @param folder the finding's folder
 * @param meta its {@code meta.json}
 * @param testCase the model, inputs and reference outputs as saved
 * @param errorLog the saved error log
 */
public record StoredFinding(Path folder, FindingMeta meta, TestCase testCase, String errorLog) {
}
