package dev.crest.fuzz.campaign;

import dev.crest.fuzz.backend.BackendExecutor;
import dev.crest.fuzz.backend.TargetRun;
import java.util.List;

/**
 * Opens a campaign's {@link CaseSource} once the backends are known, so the source can first probe what they
 * support (through {@code executor}) and leave the rest out.
 */
@FunctionalInterface
public interface CaseSourceFactory {
    /**
     * A source for {@code settings} whose cases every run in {@code runs} supports; adds one line to
     * {@code exclusions} for each operator or operator × dtype combination it leaves out, and why.
     */
    CaseSource open(CampaignSettings settings, BackendExecutor executor, List<TargetRun> runs, List<String> exclusions);
}
