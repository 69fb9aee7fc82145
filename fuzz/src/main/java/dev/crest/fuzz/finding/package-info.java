/**
 * Findings on disk: {@link dev.crest.fuzz.finding.FindingStore} saves each atomically as a
 * {@code bug-<symptom>-<stage>-<n>/} folder (model, ONNX test data, meta.json, error log, replay script),
 * {@link dev.crest.fuzz.finding.FindingReader} loads and checks one, {@link dev.crest.fuzz.finding.Replay} re-runs it.
 */
package dev.crest.fuzz.finding;
