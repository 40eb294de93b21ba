package io.edgefleet.update.rollout;

import io.edgefleet.update.config.UpdateConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The wave rules of a running rollout: thresholds that pause it, the approval gate before a wave,
 * completing a wave, its soak, the next wave, the end. Called by the engine with the rollout locked.
 */
@ApplicationScoped
public class WaveProgress {

    static final int DEFAULT_SUCCESS_THRESHOLD = 90;
    static final int DEFAULT_FAILURE_THRESHOLD = 10;

    static final String GATE_HOLDING = "waiting for gates: ";

    private final UnitStore units;
    private final Outcomes outcomes;
    private final Gates gates;
    private final RolloutEvents events;
    private final UpdateConfig config;

    public WaveProgress(UnitStore units, Outcomes outcomes, Gates gates, RolloutEvents events, UpdateConfig config) {
        this.units = units;
        this.outcomes = outcomes;
        this.gates = gates;
        this.events = events;
        this.config = config;
    }

    void startIfDue(Rollout rollout, OffsetDateTime now) {
        if (rollout.spec.startAt() == null || !rollout.spec.startAt().isAfter(now)) {
            rollout.phase = Phase.RUNNING.wireName();
            rollout.startedAt = now;
            touch(rollout, now);
            events.changed(rollout, "started", null);
            events.changed(rollout, "wave-started", null);
        }
    }

    /** Steps sent before {@code before} and never answered count as failed attempts. */
    void timeOutUnanswered(Rollout rollout, OffsetDateTime before) {
        for (Unit unit : units.unanswered(rollout.id, before, config.dispatchBatch())) {
            outcomes.attemptFailed(rollout, unit, "no outcome within " + config.outcomeTimeout());
        }
    }

    /** Pauses when the current wave's failures pass its threshold (or any failure, without continue-on-failure). */
    boolean pauseOnFailures(Rollout rollout, Map<String, Integer> counts, OffsetDateTime now) {
        int failed = counts.get(UnitState.FAILED) - rollout.acceptedFailures;
        int considered = considered(counts);
        if (failed <= 0 || considered == 0) {
            return false;
        }
        boolean continueOnFailure = rollout.spec.devices() == null || !Boolean.FALSE.equals(rollout.spec.devices().continueOnFailure());
        int threshold = failureThreshold(rollout);
        if (continueOnFailure && failed * 100 <= threshold * considered) {
            return false;
        }
        pause(rollout, "wave " + rollout.currentWave + ": " + failed + " of " + considered + " units failed"
                + (continueOnFailure ? ", more than the failure threshold of " + threshold + "%" : " (continueOnFailure is off)"), now);
        return true;
    }

    /** Whether the current wave may send: it needs no approval, or it has it. */
    boolean approved(Rollout rollout) {
        return !needsApproval(rollout) || rollout.approvedWave >= rollout.currentWave;
    }

    static boolean needsApproval(Rollout rollout) {
        var waves = rollout.spec.waves();
        return waves != null && rollout.currentWave < waves.size() && Boolean.TRUE.equals(waves.get(rollout.currentWave).approval());
    }

    /** Every unit of the wave finished: completes it if enough succeeded, else pauses. */
    void complete(Rollout rollout, Map<String, Integer> counts, OffsetDateTime now) {
        int considered = considered(counts);
        int succeeded = counts.get(UnitState.SUCCEEDED) + rollout.acceptedFailures;
        int threshold = rollout.spec.strategy() == null || rollout.spec.strategy().successThreshold() == null
                ? DEFAULT_SUCCESS_THRESHOLD : rollout.spec.strategy().successThreshold();
        if (considered > 0 && succeeded * 100 < threshold * considered) {
            pause(rollout, "wave " + rollout.currentWave + ": " + counts.get(UnitState.SUCCEEDED) + " of " + considered
                    + " units succeeded, below the success threshold of " + threshold + "%", now);
            return;
        }
        rollout.waveCompleted = true;
        int soak = rollout.spec.strategy() == null || rollout.spec.strategy().soakSeconds() == null ? 0
                : rollout.spec.strategy().soakSeconds();
        rollout.soakUntil = now.plusSeconds(soak);
        touch(rollout, now);
        events.changed(rollout, "wave-completed", null);
        afterSoak(rollout, now);
    }

    /**
     * After a completed wave's soak, once its gates hold: the next wave, or the end (a continuous
     * rollout stays running for newcomers). While a gate holds the wave, the reason says why.
     */
    void afterSoak(Rollout rollout, OffsetDateTime now) {
        if (rollout.soakUntil != null && rollout.soakUntil.isAfter(now)) {
            return;
        }
        Optional<String> holding = gates.holding(rollout);
        String reason = holding.map(why -> GATE_HOLDING + why).orElse(null);
        if (!Objects.equals(reason, rollout.phaseReason)) {
            rollout.phaseReason = reason;
            touch(rollout, now);
        }
        if (holding.isPresent()) {
            return;
        }
        if (rollout.isLastWave()) {
            if (!Boolean.TRUE.equals(rollout.spec.continuous())) {
                finish(rollout, Phase.COMPLETED, "completed", null, now);
            }
            return;
        }
        rollout.currentWave++;
        rollout.waveCompleted = false;
        rollout.soakUntil = null;
        rollout.acceptedFailures = 0;
        touch(rollout, now);
        events.changed(rollout, "wave-started", null);
    }

    void pause(Rollout rollout, String reason, OffsetDateTime now) {
        rollout.phase = Phase.PAUSED.wireName();
        rollout.phaseReason = reason;
        touch(rollout, now);
        events.changed(rollout, "paused", reason);
    }

    void finish(Rollout rollout, Phase phase, String change, String reason, OffsetDateTime now) {
        rollout.phase = phase.wireName();
        rollout.phaseReason = reason;
        rollout.finishedAt = now;
        touch(rollout, now);
        events.changed(rollout, change, reason);
    }

    private static int failureThreshold(Rollout rollout) {
        return rollout.spec.strategy() == null || rollout.spec.strategy().failureThreshold() == null
                ? DEFAULT_FAILURE_THRESHOLD : rollout.spec.strategy().failureThreshold();
    }

    /** Units of a wave that count toward its thresholds: all but skipped ones. */
    private static int considered(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum() - counts.get(UnitState.SKIPPED);
    }

    private static void touch(Rollout rollout, OffsetDateTime now) {
        rollout.updatedAt = now;
    }
}
