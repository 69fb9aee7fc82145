package dev.crest.cli.fuzz;

import dev.crest.fuzz.campaign.BugLedger;
import dev.crest.fuzz.campaign.CampaignListener;
import dev.crest.fuzz.campaign.CampaignProgress;
import dev.crest.fuzz.campaign.CampaignSettings;
import dev.crest.fuzz.campaign.CampaignSummary;
import dev.crest.fuzz.campaign.UniqueBug;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The live status line of {@code crest fuzz run} on standard error, redrawn in place with a carriage return (as
 * the other commands' progress bars): models tested and per second, findings by symptom, unique bugs and the
 * generate / search / execute time split. Notes and new bugs are printed on their own lines above it.
 */
final class FuzzProgressLine implements CampaignListener, AutoCloseable {
    /** Redraw at most this often: a terminal cannot show faster, and printing costs the testing thread. */
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintWriter err;
    private long lastDraw = System.nanoTime() - REDRAW_NANOS;
    private int drawnLength;
    private CampaignProgress last;

    private final String startNote;

    /** A line on {@code err}; {@code startNote}, when not empty, is printed once the campaign starts testing. */
    FuzzProgressLine(PrintWriter err, String startNote) {
        this.err = err;
        this.startNote = startNote;
    }

    @Override
    public synchronized void started(CampaignSettings settings) {
        if (!startNote.isEmpty()) {
            note(startNote);
        }
    }

    @Override
    public synchronized void note(String message) {
        clear();
        err.println("note: " + message);
        err.flush();
    }

    @Override
    public synchronized void progress(CampaignProgress progress) {
        last = progress;
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            draw(line(progress));
        }
    }

    @Override
    public synchronized void found(BugLedger.Recorded recorded) {
        if (!recorded.isNew()) {
            return;
        }
        UniqueBug bug = recorded.bug();
        clear();
        err.println("new bug " + bug.id() + ": " + bug.first().message() + " -> " + bug.folder());
        err.flush();
        if (last != null) {
            draw(line(last));
        }
    }

    /**
     * The resident memory of a finished campaign as the end of its closing line, e.g. {@code "; resident memory
     * after warm-up → end: JVM 310 → 322 MiB (heap 200 → 210), 2 workers 190 → 195 MiB"}; empty when it was not
     * measured.
     */
    static String memory(CampaignSummary summary) {
        CampaignSummary.MemoryRecord m = summary.memory();
        if (m == null || m.jvmEndKib() == null) {
            return "";
        }
        String jvm = (m.jvmStartKib() == null ? "" : mib(m.jvmStartKib()) + " → ") + mib(m.jvmEndKib()) + " MiB (heap "
                + (m.jvmHeapStartKib() == null ? "" : mib(m.jvmHeapStartKib()) + " → ") + mib(m.jvmHeapEndKib()) + ")";
        String workers = (m.workersStartKib() == null ? "" : mib(m.workersStartKib()) + " → ")
                + mib(m.workersEndKib());
        return "; resident memory " + (m.jvmStartKib() == null ? "at the end" : "after warm-up → end") + ": JVM "
                + jvm + ", " + m.workersAtEnd() + (m.workersAtEnd() == 1 ? " worker " : " workers ") + workers
                + " MiB" + (m.workersRetired() == null || m.workersRetired() == 0 ? ""
                        : " (" + m.workersRetired() + " replaced after growing)");
    }

    private static String mib(long kib) {
        return Long.toString(Math.round(kib / 1024.0));
    }

    /** The status line for {@code p}. */
    static String line(CampaignProgress p) {
        long seconds = p.elapsed().toSeconds();
        double[] shares = p.timeShares();
        String bySymptom = p.bySymptom().isEmpty() ? "" : p.bySymptom().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ", " (", ")"));
        return String.format(Locale.ROOT,
                "fuzz %d:%02d:%02d | %d models, %.1f/s | %d findings%s, %d unique | gen %.0f%% search %.0f%% exec %.0f%%",
                seconds / 3600, seconds / 60 % 60, seconds % 60, p.tested(), p.modelsPerSecond(), p.findings(),
                bySymptom, p.uniqueBugs(), 100 * shares[0], 100 * shares[1], 100 * shares[2]);
    }

    private void draw(String text) {
        StringBuilder line = new StringBuilder("\r").append(text);
        for (int i = text.length(); i < drawnLength; i++) {
            line.append(' ');
        }
        drawnLength = text.length();
        err.print(line);
        err.flush();
    }

    private void clear() {
        if (drawnLength > 0) {
            err.print("\r" + " ".repeat(drawnLength) + "\r");
            drawnLength = 0;
        }
    }

    @Override
    public void close() {
        finish();
    }

    /** Draws the final state and ends the line, so a closing message starts on a fresh line; later calls do nothing. */
    synchronized void finish() {
        if (last != null) {
            draw(line(last));
            err.println();
            err.flush();
            last = null;
            drawnLength = 0;
        }
    }
}
