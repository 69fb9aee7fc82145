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
    /** Grappler's meta-optimizer off and the classic graph optimizer's folding and CSE off, no XLA. */
    NO_OPT("tensorflow-noopt"),
    /** Grappler's default optimizers, also on graphs below its usual minimum size; no XLA. */
    OPT("tensorflow-opt"),
    /**
     * XLA auto-clustering (global_jit_level ON_1) compiling every cluster on its first run, Grappler off: its
     * fusions (such as {@code _UnaryOpsComposition}) produce operations XLA cannot compile, which would leave
     * them outside every cluster, and leaving Grappler out makes noopt the exact baseline.
     */
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
        if (this != OPT) {
            optimizer.setDoConstantFolding(false).setDoCommonSubexpressionElimination(false)
                    .setDoFunctionInlining(false);
            // Level L0 would also switch off XLA's clustering passes, so the level stays at its default (L1),
            // with L1's two rewrites (constant folding, CSE) off one by one.
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
     * Sets the process-wide XLA flags the XLA level needs; they take effect only when set before the process's
     * first session, so every backend sets them at class initialization. From C (non-Python) clients, CPU
     * auto-clustering is off unless {@code tf_xla_cpu_global_jit} is set; a minimum cluster size of 1 lets
     * one-operator graphs compile; without lazy compilation a cluster is compiled on its first run instead of
     * after several interpreted runs. The other levels set global_jit_level OFF, so the flags do not affect them.
     */
    static void configureProcess() {
        TF_SetTfXlaCpuGlobalJit((byte) 1);
        TF_SetXlaMinClusterSize(1);
        TF_SetXlaEnableLazyCompilation((byte) 0);
    }
}
