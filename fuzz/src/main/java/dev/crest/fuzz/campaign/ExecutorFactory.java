package dev.crest.fuzz.campaign;

import dev.crest.fuzz.backend.BackendExecutor;

/** Opens the executor a campaign runs its backends through: the isolated worker process, or in-process for tests. */
@FunctionalInterface
public interface ExecutorFactory {
    /** A new executor honouring the settings' per-case timeout where it can. */
    BackendExecutor open(CampaignSettings settings);
}
