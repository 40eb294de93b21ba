package io.edgefleet.update.rollout;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.messaging.tx.AfterCommit;
import io.edgefleet.update.UpdateErrorCode;
import io.edgefleet.update.release.ReleaseCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What an operator does to a rollout: start (plan its units and waves), pause, resume, cancel,
 * approve the next wave, roll back. Each takes the rollout's row lock, so it never races the engine.
 */
@ApplicationScoped
public class RolloutActions {

    private static final int WALK = 1_000;

    private final EntityManager entityManager;
    private final RolloutService rollouts;
    private final RolloutPlanner planner;
    private final UnitStore units;
    private final RolloutEvents events;
    private final ReleaseCatalog catalog;
    private final Clock clock;
    private final AfterCommit afterCommit;
    private final RolloutEngine engine;

    public RolloutActions(EntityManager entityManager, RolloutService rollouts, RolloutPlanner planner, UnitStore units,
                          RolloutEvents events, ReleaseCatalog catalog, Clock clock, AfterCommit afterCommit,
                          RolloutEngine engine) {
        this.afterCommit = afterCommit;
        this.engine = engine;
        this.entityManager = entityManager;
        this.rollouts = rollouts;
        this.planner = planner;
        this.units = units;
        this.events = events;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Transactional
    public Rollout start(String orgId, UUID id) {
        Rollout rollout = locked(orgId, id);
        RolloutService.requirePhase(rollout, "started", Phase.DRAFT);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<PlannedUnit> planned = planner.plan(rollout);
        units.insert(orgId, rollout.id, planned, now);
        for (PlannedUnit unit : planned) {
            if (!unit.isPending()) {
                events.unitFinished(orgId, new Unit(rollout.id, unit.unit(), unit.wave(), unit.state(), unit.reason(),
                        unit.machines(), unit.timeZone(), unit.steps(), 0, 0), unit.state(), unit.reason(), null);
            }
        }
        boolean later = rollout.spec.startAt() != null && rollout.spec.startAt().isAfter(now);
        rollout.phase = (later ? Phase.SCHEDULED : Phase.RUNNING).wireName();
        rollout.startedAt = later ? null : now;
        rollout.updatedAt = now;
        events.changed(rollout, later ? "scheduled" : "started", null);
        if (!later) {
            events.changed(rollout, "wave-started", null);
            nudge(rollout);
        }
        return rollout;
    }

    @Transactional
    public Rollout pause(String orgId, UUID id) {
        Rollout rollout = locked(orgId, id);
        RolloutService.requirePhase(rollout, "paused", Phase.SCHEDULED, Phase.RUNNING);
        return move(rollout, Phase.PAUSED, "paused", "paused by an operator");
    }

    /** Resumes a paused rollout; the failures that paused it are accepted, thresholds count from here. */
    @Transactional
    public Rollout resume(String orgId, UUID id) {
        Rollout rollout = locked(orgId, id);
        RolloutService.requirePhase(rollout, "resumed", Phase.PAUSED);
        rollout.acceptedFailures = units.counts(rollout.id, rollout.currentWave).get(UnitState.FAILED);
        nudge(rollout);
        return move(rollout, rollout.startedAt == null ? Phase.SCHEDULED : Phase.RUNNING, "resumed", null);
    }

    /** Cancels: nothing more is sent; what was sent finishes and is still recorded. */
    @Transactional
    public Rollout cancel(String orgId, UUID id) {
        Rollout rollout = locked(orgId, id);
        RolloutService.requirePhase(rollout, "cancelled", Phase.DRAFT, Phase.SCHEDULED, Phase.RUNNING, Phase.PAUSED);
        entityManager.createNativeQuery("UPDATE rollout_unit SET state = 'skipped', reason = 'rollout cancelled', "
                + "finished_at = :now, updated_at = :now WHERE rollout_id = :r AND state IN ('pending', 'waiting-for-window')")
                .setParameter("now", OffsetDateTime.now(clock)).setParameter("r", rollout.id).executeUpdate();
        rollout.finishedAt = OffsetDateTime.now(clock);
        return move(rollout, Phase.CANCELLED, "cancelled", "cancelled by an operator");
    }

    /** Lets the current wave, which waits for approval, start. */
    @Transactional
    public Rollout approve(String orgId, UUID id) {
        Rollout rollout = locked(orgId, id);
        RolloutService.requirePhase(rollout, "approved", Phase.RUNNING, Phase.PAUSED, Phase.SCHEDULED);
        if (!WaveProgress.needsApproval(rollout) || rollout.approvedWave >= rollout.currentWave) {
            throw new FleetException(UpdateErrorCode.ROLLOUT_PHASE_CONFLICT, "wave " + rollout.currentWave + " of rollout " + id
                    + " waits for no approval");
        }
        rollout.approvedWave = rollout.currentWave;
        nudge(rollout);
        return move(rollout, rollout.phase(), "approved", null);
    }

    /**
     * Undoes what the rollout changed, on every unit it reached: an OS image goes back to the
     * machine's previous image, a command rollout sends its rollback command. Kubernetes and k3s
     * cannot be downgraded, nor a command without a rollback command: 409.
     */
    @Transactional
    public Rollout rollback(String orgId, UUID id) {
        Rollout rollout = locked(orgId, id);
        RolloutService.requirePhase(rollout, "rolled back", Phase.RUNNING, Phase.PAUSED, Phase.COMPLETED, Phase.FAILED,
                Phase.CANCELLED);
        Rollbacks.Undo undo = rollout.isRelease() ? Rollbacks.of(catalog.get(orgId, rollout.releaseId).kind)
                : Rollbacks.of(rollout.spec.command());
        OffsetDateTime now = OffsetDateTime.now(clock);
        entityManager.createNativeQuery("UPDATE rollout_unit SET state = 'skipped', reason = 'rolled back before its turn', "
                + "finished_at = :now, updated_at = :now WHERE rollout_id = :r AND state IN ('pending', 'waiting-for-window') "
                + "AND step = 0 AND attempts = 0").setParameter("now", now).setParameter("r", rollout.id).executeUpdate();
        String after = "";
        List<Unit> reached;
        do {
            reached = units.inStates(rollout.id, List.of(UnitState.PENDING, UnitState.WAITING_FOR_WINDOW, UnitState.DISPATCHED,
                    UnitState.IN_PROGRESS, UnitState.SUCCEEDED, UnitState.FAILED), after, WALK);
            for (Unit unit : reached) {
                List<Step> steps = undo.steps(unit);
                if (steps.isEmpty()) {
                    units.state(unit, UnitState.SKIPPED, "nothing to roll back", now);
                } else {
                    units.rollBack(unit, steps, now);
                }
            }
            after = reached.isEmpty() ? after : reached.get(reached.size() - 1).unit();
        } while (reached.size() == WALK);
        rollout.finishedAt = null;
        return move(rollout, Phase.ROLLING_BACK, "rolling-back", null);
    }

    private Rollout move(Rollout rollout, Phase phase, String change, String reason) {
        rollout.phase = phase.wireName();
        rollout.phaseReason = reason;
        rollout.updatedAt = OffsetDateTime.now(clock);
        events.changed(rollout, change, reason);
        return rollout;
    }

    /** Once this transaction commits, the engine works on the rollout at once rather than at its next tick. */
    private void nudge(Rollout rollout) {
        UUID id = rollout.id;
        afterCommit.run(() -> engine.nudge(id));
    }

    private Rollout locked(String orgId, UUID id) {
        Rollout rollout = rollouts.get(orgId, id);
        entityManager.lock(rollout, LockModeType.PESSIMISTIC_WRITE);
        entityManager.refresh(rollout);
        return rollout;
    }
}
