package dev.crest.cli.netsim;

import dev.crest.netsim.sweep.RunOutcome;
import dev.crest.netsim.sweep.SweepPoint;
import dev.crest.netsim.sweep.SweepProgress;
import java.io.PrintWriter;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/** Draws a sweep's progress as a bar on standard error, counting runs resumed from the CSV as already done. */
final class SweepProgressBar implements SweepProgress, AutoCloseable {
    private static final int WIDTH = 100;

    private final PrintWriter err;
    private ProgressBar bar;

    SweepProgressBar(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void started(long total, long alreadyDone) {
        bar = new ProgressBarBuilder()
                .setTaskName("sweep")
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" runs", 1)
                .startsFrom(alreadyDone, Duration.ZERO)
                .setConsumer(new WriterConsumer(err))
                .build();
    }

    @Override
    public void finished(SweepPoint point, RunOutcome outcome) {
        bar.step();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }

    /** Redraws the bar in place with a carriage return, on whatever writer the command was given. */
    private static final class WriterConsumer implements ProgressBarConsumer {
        private final PrintWriter out;

        WriterConsumer(PrintWriter out) {
            this.out = out;
        }

        @Override
        public int getMaxRenderedLength() {
            return WIDTH;
        }

        @Override
        public void accept(String rendered) {
            synchronized (out) {
                out.print('\r');
                out.print(rendered);
                out.flush();
            }
        }

        @Override
        public void close() {
            synchronized (out) {
                out.println();
                out.flush();
            }
        }
    }
}
