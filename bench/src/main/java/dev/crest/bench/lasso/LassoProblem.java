package dev.crest.bench.lasso;

import dev.crest.ame.design.Design;
import dev.crest.ame.design.DesignMatrix;
import dev.crest.ame.design.Submodel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The benchmark's regression problem: an AME design from Crest's {@link Design} (rows are submodels, columns
 * training points, entries {@code 1/p} or {@code −1/(1−p)}) with a single intercept instead of one column per
 * grid value, so that scikit-learn can solve the same problem, and outcome columns from a sparse planted model
 * plus standard normal noise. It can be written as raw little-endian float64 (column-major) for the baselines.
 */
public final class LassoProblem {
    /** Nonzero planted coefficients per outcome column. */
    static final int PLANTED = 20;

    private final DesignMatrix design;
    private final double[][] outcomes;

    private LassoProblem(DesignMatrix design, double[][] outcomes) {
        this.design = design;
        this.outcomes = outcomes;
    }

    /** {@code submodels × points} design with {@code outcomeCount} outcome columns, all from {@code seed}. */
    public static LassoProblem generate(int submodels, int points, int outcomeCount, long seed) {
        List<Submodel> rows = Design.withDefaultGrid(points, seed).submodels(submodels);
        double[] in = new double[submodels];
        double[] out = new double[submodels];
        BitSet[] masks = new BitSet[submodels];
        for (int j = 0; j < submodels; j++) {
            Submodel s = rows.get(j);
            in[j] = 1 / s.p();
            out[j] = -1 / (1 - s.p());
            masks[j] = s.mask();
        }
        DesignMatrix x = DesignMatrix.fromRows(points, in, out, new int[submodels], 1, masks);
        SplittableRandom random = new SplittableRandom(seed ^ 0x6C617373L);
        double[][] y = new double[outcomeCount][submodels];
        for (int q = 0; q < outcomeCount; q++) {
            for (int t = 0; t < PLANTED; t++) {
                int column = random.nextInt(points);
                double weight = (random.nextBoolean() ? 1 : -1) * random.nextDouble(0.1, 0.3);
                for (int j = 0; j < submodels; j++) {
                    y[q][j] += weight * x.entry(j, column);
                }
            }
            for (int j = 0; j < submodels; j++) {
                y[q][j] += 1.5 + random.nextGaussian();
            }
        }
        return new LassoProblem(x, y);
    }

    public DesignMatrix design() {
        return design;
    }

    /** {@code outcomes()[q][j]}: outcome column q at row j (owned by the problem; do not modify). */
    public double[][] outcomes() {
        return outcomes;
    }

    /** Writes X column-major as little-endian float64. */
    public void writeDesign(Path file) throws IOException {
        int m = design.rows();
        writeAtomically(file, (long) m * design.columns() * Double.BYTES, buffer -> {
            for (int i = 0; i < design.columns(); i++) {
                for (int j = 0; j < m; j++) {
                    buffer.put(design.entry(j, i));
                }
            }
        });
    }

    /** Writes Y (rows × outcomes) column-major as little-endian float64. */
    public void writeOutcomes(Path file) throws IOException {
        writeAtomically(file, (long) outcomes.length * design.rows() * Double.BYTES, buffer -> {
            for (double[] column : outcomes) {
                for (double v : column) {
                    buffer.put(v);
                }
            }
        });
    }

    /** Writes integers as little-endian int32. */
    public static void writeInts(Path file, int[] values) throws IOException {
        writeAtomically(file, (long) values.length * Integer.BYTES, buffer -> {
            for (int v : values) {
                buffer.putInt(v);
            }
        });
    }

    /** Writes doubles as little-endian float64. */
    public static void writeDoubles(Path file, double[] values) throws IOException {
        writeAtomically(file, (long) values.length * Double.BYTES, buffer -> {
            for (double v : values) {
                buffer.put(v);
            }
        });
    }

    /** Something that fills a little-endian output stream value by value. */
    private interface Filler {
        void fill(Output out) throws IOException;
    }

    /** A buffered little-endian writer over a file channel. */
    private static final class Output {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);

        Output(FileChannel channel) {
            this.channel = channel;
        }

        void put(double v) throws IOException {
            room(Double.BYTES);
            buffer.putDouble(v);
        }

        void putInt(int v) throws IOException {
            room(Integer.BYTES);
            buffer.putInt(v);
        }

        private void room(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                flush();
            }
        }

        void flush() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }
    }

    private static void writeAtomically(Path file, long expectedBytes, Filler filler) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            Output out = new Output(channel);
            filler.fill(out);
            out.flush();
            if (channel.size() != expectedBytes) {
                throw new IOException("wrote " + channel.size() + " bytes to " + temporary + ", expected " + expectedBytes);
            }
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
