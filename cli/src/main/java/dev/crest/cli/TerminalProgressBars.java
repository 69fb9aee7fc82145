package dev.crest.cli;

import java.io.PrintWriter;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars for long commands, drawn in place on the writer the command was given (standard error), so
 * that standard output stays clean for results and {@code --json}.
 */
public final class TerminalProgressBars {
    private static final int WIDTH = 100;

    private TerminalProgressBars() {
    }

    /**
     * A bar over {@code total} items of which {@code alreadyDone} were finished before (e.g. by a resumed run);
     * {@code showSpeed} adds items per second to the rate and ETA.
     */
    public static ProgressBar create(PrintWriter err, String task, String unit, long total, long alreadyDone,
            boolean showSpeed) {
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" " + unit, 1)
                .startsFrom(alreadyDone, Duration.ZERO)
                .setConsumer(new WriterConsumer(err));
        if (showSpeed) {
            builder.showSpeed();
        }
        return builder.build();
    }

    /** Redraws the bar in place with a carriage return. */
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
