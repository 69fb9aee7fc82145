package dev.crest.fuzz.backend.tensorflow;

import dev.crest.fuzz.backend.Backend;
import dev.crest.fuzz.backend.ReferenceBackend;
import dev.crest.fuzz.campaign.DtypeRestrictedSpec;
import dev.crest.fuzz.diff.Comparison;
import dev.crest.fuzz.diff.Tolerance;
import dev.crest.fuzz.gen.GeneratedModel;
import dev.crest.fuzz.spec.OpSpec;
import dev.crest.fuzz.spec.OpSpecs;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import java.util.Map;
import java.util.Optional;

/**
 * Surveys the translation: for every spec and dtype, runs a few generated one-node models on TensorFlow and the
 * reference and prints one line per combination (ok, MISMATCH, ERROR, unsupported); not a test, run by hand:
 * {@code java -Dlevel=NO_OPT|OPT|XLA -Dseed=N -cp <test class path>
 * dev.crest.fuzz.backend.tensorflow.TfTranslationSurvey [trials] [operator]}.
 */
public final class TfTranslationSurvey {
    private TfTranslationSurvey() {
    }

    public static void main(String[] args) {
        int trials = Integer.parseInt(args.length > 0 ? args[0] : "2");
        String only = args.length > 1 ? args[1] : null;
        try (Backend tf = new TensorflowBackend(TfLevel.valueOf(System.getProperty("level", "NO_OPT")));
                Backend ref = new ReferenceBackend()) {
            for (OpSpec spec : OpSpecs.standard().all()) {
                if (only != null && !only.equals(spec.opType())) {
                    continue;
                }
                for (DType dtype : DtypeRestrictedSpec.firstInputDtypes(spec)) {
                    StringBuilder line = new StringBuilder(spec.opType() + "(" + dtype.displayName() + "):");
                    for (int t = 0; t < trials; t++) {
                        Optional<GeneratedModel> m = TfSpecCases.oneNode(spec, dtype, 100L * t + 7 + Long.getLong("seed", 0), TfSpecCases.opset(spec, t));
                        if (m.isEmpty()) {
                            line.append(" nomodel");
                            continue;
                        }
                        byte[] bytes = OnnxModels.toBytes(m.get().model());
                        Map<String, Tensor> in = m.get().initialInputs();
                        Map<String, Tensor> want;
                        try (Backend.Compiled c = ref.compile(bytes)) {
                            want = ref.run(c, in);
                        } catch (RuntimeException e) {
                            line.append(" referr");
                            continue;
                        }
                        try (Backend.Compiled c = tf.compile(bytes)) {
                            Map<String, Tensor> got = tf.run(c, in);
                            Comparison cmp = Comparison.of(got, want, Tolerance.DEFAULT);
                            line.append(cmp.agrees() ? " ok" : " MISMATCH[" + cmp.detail() + " | " + m.get().model().graph().nodes() + "]");
                        } catch (UnsupportedModelException e) {
                            line.append(" unsupported[" + e.getMessage() + "]");
                        } catch (RuntimeException e) {
                            line.append(" ERROR[" + e.getMessage().lines().findFirst().orElse("") + " | " + m.get().model().graph().nodes() + "]");
                        }
                    }
                    System.out.println(line);
                }
            }
        }
    }
}
