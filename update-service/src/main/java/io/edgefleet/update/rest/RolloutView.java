package io.edgefleet.update.rest;

import io.edgefleet.core.concurrency.Versions;
import io.edgefleet.update.rollout.Rollout;
import io.edgefleet.update.rollout.RolloutSpec;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A rollout as the API shows it: its spec as written and its status as the engine keeps it. */
public record RolloutView(UUID id, String resourceVersion, RolloutSpec spec, Status status, OffsetDateTime createdAt,
                          OffsetDateTime updatedAt) {

    /**
     * @param reason why it paused or failed
     * @param currentWave 0 is the canary
     * @param approvedWave the highest wave an operator approved, -1 for none
     */
    public record Status(String phase, String reason, int currentWave, int waveCount, int approvedWave, boolean waveCompleted,
                         OffsetDateTime soakUntil, OffsetDateTime startedAt, OffsetDateTime finishedAt) {
    }

    static RolloutView of(Rollout r) {
        return new RolloutView(r.id, Versions.text(r.version), r.spec, new Status(r.phase, r.phaseReason, r.currentWave, r.waveCount,
                r.approvedWave, r.waveCompleted, r.soakUntil, r.startedAt, r.finishedAt), r.createdAt, r.updatedAt);
    }
}
