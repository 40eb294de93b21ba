package io.edgefleet.update.rollout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A rollout's progress: units per state, overall and per wave, the current wave and when it should end. */
@ApplicationScoped
public class RolloutProgress {

    private final RolloutService rollouts;
    private final UnitStore units;
    private final Clock clock;

    public RolloutProgress(RolloutService rollouts, UnitStore units, Clock clock) {
        this.rollouts = rollouts;
        this.units = units;
        this.clock = clock;
    }

    /** One wave's units per state. */
    public record WaveCounts(int wave, int units, Map<String, Integer> counts) {
    }

    /**
     * @param awaitingApproval the current wave waits for {@code POST …/approve}
     * @param estimatedCompletion from the pace so far; null before the first unit finished or once ended
     */
    public record Progress(UUID rolloutId, String phase, String reason, int currentWave, int waveCount, boolean awaitingApproval,
                           int units, int finished, Map<String, Integer> counts, List<WaveCounts> waves,
                           OffsetDateTime startedAt, OffsetDateTime soakUntil, OffsetDateTime estimatedCompletion) {
    }

    @Transactional
    public Progress of(String orgId, UUID id) {
        Rollout rollout = rollouts.get(orgId, id);
        Map<String, Integer> counts = units.counts(rollout.id, null);
        List<WaveCounts> waves = units.countsByWave(rollout.id).entrySet().stream().map(e -> new WaveCounts(e.getKey(),
                total(e.getValue()), e.getValue())).toList();
        int total = total(counts);
        int finished = UnitState.FINISHED.stream().mapToInt(counts::get).sum();
        boolean awaiting = rollout.phase() == Phase.RUNNING && !rollout.waveCompleted && WaveProgress.needsApproval(rollout)
                && rollout.approvedWave < rollout.currentWave;
        return new Progress(rollout.id, rollout.phase, rollout.phaseReason, rollout.currentWave, rollout.waveCount, awaiting,
                total, finished, counts, waves, rollout.startedAt, rollout.soakUntil, estimate(rollout, total, finished));
    }

    private OffsetDateTime estimate(Rollout rollout, int total, int finished) {
        if (rollout.startedAt == null || rollout.phase().isFinal() || finished == 0 || finished >= total) {
            return null;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Duration elapsed = Duration.between(rollout.startedAt, now);
        return now.plus(elapsed.multipliedBy(total - finished).dividedBy(finished));
    }

    private static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
