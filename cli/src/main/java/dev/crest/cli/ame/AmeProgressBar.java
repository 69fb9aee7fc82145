package dev.crest.cli.ame;

import dev.crest.ame.run.RunProgress;
import dev.crest.cli.TerminalProgressBars;
import java.io.PrintWriter;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;

/** Draws submodel training as a bar on standard error with submodels per second and ETA. */
final class AmeProgressBar implements Consumer<RunProgress>, AutoCloseable {
    private final ProgressBar bar;
    private final long alreadyDone;

    /** A bar over {@code total} submodels of which {@code alreadyDone} were finished by an earlier session. */
    AmeProgressBar(PrintWriter err, long total, long alreadyDone) {
        this.alreadyDone = alreadyDone;
        this.bar = TerminalProgressBars.create(err, "submodels", "submodels", total, alreadyDone, true);
    }

    @Override
    public void accept(RunProgress progress) {
        bar.stepTo(alreadyDone + progress.done() + progress.failed());
    }

    @Override
    public void close() {
        bar.close();
    }
}
