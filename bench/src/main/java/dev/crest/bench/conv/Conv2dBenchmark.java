package dev.crest.bench.conv;

import dev.crest.bench.torch.TorchConvStep;
import dev.crest.bench.torch.TorchRuntime;
import dev.crest.tensor.Tensor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Conv2d forward plus backward (seeded with ones; gradients of input, weight and bias) on
 * {@link ConvCase#cifarLike()}: Crest's float32 layer against PyTorch through DJL, in the same JMH run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Conv2dBenchmark {

    /** The PyTorch side, loaded only by the benchmark that uses it. */
    @State(Scope.Benchmark)
    public static class TorchSide {
        @Param("2")
        public int threads;

        TorchConvStep step;

        /** Loads PyTorch offline and prepares the step. */
        @Setup(Level.Trial)
        public void setUp() {
            ConvCase conv = ConvCase.cifarLike();
            step = new TorchConvStep(TorchRuntime.load(threads), conv.input(), conv.inputShape(), conv.weight(),
                    conv.weightShape(), conv.bias(), conv.padding());
        }

        /** Frees the native tensors. */
        @TearDown(Level.Trial)
        public void tearDown() {
            step.close();
        }
    }

    /** The Crest side. */
    @State(Scope.Benchmark)
    public static class CrestSide {
        CrestConvStep step;

        /** Builds the layer and input. */
        @Setup(Level.Trial)
        public void setUp() {
            step = new CrestConvStep(ConvCase.cifarLike());
        }
    }

    /** Crest: the Conv2d layer's forward and its tape backward. */
    @Benchmark
    public Tensor crest(CrestSide side) {
        return side.step.forwardBackward();
    }

    /** PyTorch: conv2d forward and autograd backward. */
    @Benchmark
    public void torch(TorchSide side) {
        side.step.forwardBackward();
    }
}
