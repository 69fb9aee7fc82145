package dev.crest.cli.ame;

import dev.crest.ame.run.RunProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/** Draws submodel training as a bar on standard error with submodels per second and ETA. */
final class AmeProgressBar implements Consumer<RunProgress>, AutoCloseable {
    private static final int WIDTH = 100;

    private final ProgressBar bar;
    private final long alreadyDone;

    /** A bar over {@code total} submodels of which {@code alreadyDone} were finished by an earlier session. */
    AmeProgressBar(PrintWriter err, long total, long alreadyDone) {
        this.alreadyDone = alreadyDone;
        this.bar = new ProgressBarBuilder()
                .setTaskName("submodels")
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" submodels", 1)
                .showSpeed()
                .startsFrom(alreadyDone, Duration.ZERO)
                .setConsumer(new WriterConsumer(err))
                .build();
    }

    @Override
    public void accept(RunProgress progress) {
        bar.stepTo(alreadyDone + progress.done() + progress.failed());
    }

    @Override
    public void close() {
        bar.close();
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
