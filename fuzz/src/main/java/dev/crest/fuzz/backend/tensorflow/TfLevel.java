package dev.crest.fuzz.backend.tensorflow;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_SetTfXlaCpuGlobalJit;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SetXlaEnableLazyCompilation;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SetXlaMinClusterSize;

import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.OptimizerOptions;
import org.tensorflow.proto.RewriterConfig;

/**
 * The three ways Crest runs TensorFlow: without graph optimizations, with Grappler's default optimizations, and
 * with XLA JIT compilation of the whole graph. Each is one session configuration (one intra- and inter-op
 * thread, so results do not depend on scheduling).
 */
public enum TfLevel {
    /** Grappler's meta-optimizer off and the classic graph optimizer at L0 (no folding, no CSE), no XLA. */
    NO_OPT("tensorflow-noopt"),
    /** Grappler's default optimizers, also on graphs below its usual minimum size; no XLA. */
    OPT("tensorflow-opt"),
    /** Grappler's defaults plus XLA auto-clustering (global_jit_level ON_1) compiling every cluster on first run. */
    XLA("tensorflow-xla");

    private final String backendName;

    TfLevel(String backendName) {
        this.backendName = backendName;
    }

    /** The registered backend name. */
    public String backendName() {
        return backendName;
    }

    /** The session configuration of this level. */
    ConfigProto config() {
        OptimizerOptions.Builder optimizer = OptimizerOptions.newBuilder()
                .setGlobalJitLevel(this == XLA ? OptimizerOptions.GlobalJitLevel.ON_1 : OptimizerOptions.GlobalJitLevel.OFF);
        RewriterConfig.Builder rewriter = RewriterConfig.newBuilder();
        if (this == NO_OPT) {
            optimizer.setOptLevel(OptimizerOptions.Level.L0).setDoConstantFolding(false)
                    .setDoCommonSubexpressionElimination(false).setDoFunctionInlining(false);
            rewriter.setDisableMetaOptimizer(true);
        } else {
            // Grappler skips graphs under 4 nodes by default, which would leave small test models unoptimized.
            rewriter.setMinGraphNodes(-1);
        }
        return ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(1)
                .setInterOpParallelismThreads(1)
                .setGraphOptions(GraphOptions.newBuilder().setOptimizerOptions(optimizer).setRewriteOptions(rewriter))
                .build();
    }

    /**
     * Sets the process-wide XLA flags this level needs. From C (non-Python) clients, CPU auto-clustering is off
     * unless {@code tf_xla_cpu_global_jit} is set; a minimum cluster size of 1 lets one-operator graphs compile;
     * without lazy compilation a cluster is compiled on its first run instead of after several interpreted runs.
     * Sessions of the other levels set global_jit_level OFF explicitly, so the flags do not affect them.
     */
    void configureProcess() {
        if (this == XLA) {
            TF_SetTfXlaCpuGlobalJit((byte) 1);
            TF_SetXlaMinClusterSize(1);
            TF_SetXlaEnableLazyCompilation((byte) 0);
        }
    }
}
