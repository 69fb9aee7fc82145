package dev.crest.cli.netsim;

import dev.crest.cli.TerminalProgressBars;
import dev.crest.netsim.sweep.RunOutcome;
import dev.crest.netsim.sweep.SweepPoint;
import dev.crest.netsim.sweep.SweepProgress;
import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;

/** Draws a sweep's progress as a bar on standard error, counting runs resumed from the CSV as already done. */
final class SweepProgressBar implements SweepProgress, AutoCloseable {
    private final PrintWriter err;
    private ProgressBar bar;

    SweepProgressBar(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void started(long total, long alreadyDone) {
        bar = TerminalProgressBars.create(err, "sweep", "runs", total, alreadyDone, false);
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
}
