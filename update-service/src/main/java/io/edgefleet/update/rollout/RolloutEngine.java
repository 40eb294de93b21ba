package io.edgefleet.update.rollout;

import io.edgefleet.update.config.UpdateConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Moves every active rollout on, one tick at a time: starts scheduled ones, times out unanswered
 * steps, sends due units of the current wave, pauses on the thresholds, completes a wave, soaks,
 * opens the next. Each rollout is worked on in its own transaction while its row is locked
 * ({@code FOR UPDATE SKIP LOCKED}): with several replicas each rollout has one owner at a time,
 * and what was sent is recorded with the request itself, so a restart continues where it was.
 */
@ApplicationScoped
public class RolloutEngine {

    private static final Logger LOG = Logger.getLogger(RolloutEngine.class);
    /** Full batches one advance sends back to back before other rollouts get their turn. */
    private static final int MAX_BATCHES_AT_ONCE = 10;

    private final EntityManager entityManager;
    private final UnitStore units;
    private final Dispatcher dispatcher;
    private final WaveProgress waves;
    private final UpdateConfig config;
    private final Clock clock;
    private final Vertx vertx;

    public RolloutEngine(EntityManager entityManager, UnitStore units, Dispatcher dispatcher, WaveProgress waves,
                         UpdateConfig config, Clock clock, Vertx vertx) {
        this.vertx = vertx;
        this.entityManager = entityManager;
        this.units = units;
        this.dispatcher = dispatcher;
        this.waves = waves;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Works on a rollout now, on a worker thread, rather than at the next tick: called once an
     * operator's start, resume or approval has committed, so its first units go out at once.
     * The row lock keeps this and a tick from working on it together.
     */
    public void nudge(UUID id) {
        vertx.executeBlocking(() -> {
            try {
                advance(id);
            } catch (RuntimeException e) {
                LOG.warnf(e, "rollout %s could not be advanced at once; the next tick tries again", id);
            }
            return null;
        }, false);
    }

    @Scheduled(every = "${edgefleet.update.tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        for (UUID id : active()) {
            try {
                advance(id);
            } catch (RuntimeException e) {
                // One rollout's trouble must not hold up the others; it is tried again next tick.
                LOG.errorf(e, "rollout %s could not be advanced", id);
            }
        }
    }

    @Transactional
    List<UUID> active() {
        return entityManager.createQuery("SELECT o.id FROM Rollout o WHERE o.phase IN ('scheduled', 'running', 'rolling-back') "
                + "ORDER BY o.updatedAt", UUID.class).setMaxResults(500).getResultList();
    }

    /**
     * One step of one rollout, if no other replica holds it. An unpaced rollout that sent a full
     * batch goes on with the next one at once, in a new transaction, rather than a tick later: a
     * wave of 10,000 goes out as fast as the batches can be written, not at one batch per tick.
     */
    public void advance(UUID id) {
        for (int batch = 0; batch < MAX_BATCHES_AT_ONCE; batch++) {
            if (!QuarkusTransaction.requiringNew().call(() -> advanceLocked(id))) {
                return;
            }
        }
    }

    /** @return whether a full batch went out and more may be due now */
    private boolean advanceLocked(UUID id) {
        List<Rollout> locked = entityManager.createQuery("FROM Rollout o WHERE o.id = :id", Rollout.class).setParameter("id", id)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).setHint("jakarta.persistence.lock.timeout", -2).getResultList();
        if (locked.isEmpty() || !Phase.ACTIVE.contains(locked.get(0).phase())) {
            return false;
        }
        Rollout rollout = locked.get(0);
        OffsetDateTime now = OffsetDateTime.now(clock);
        switch (rollout.phase()) {
            case SCHEDULED -> {
                waves.startIfDue(rollout, now);
                return false;
            }
            case ROLLING_BACK -> {
                rollBack(rollout, now);
                return false;
            }
            default -> {
                return run(rollout, now);
            }
        }
    }

    private boolean run(Rollout rollout, OffsetDateTime now) {
        waves.timeOutUnanswered(rollout, now.minus(config.outcomeTimeout()));
        int wave = rollout.currentWave;
        Map<String, Integer> counts = units.counts(rollout.id, wave);
        if (rollout.waveCompleted) {
            if (rollout.isLastWave() && Boolean.TRUE.equals(rollout.spec.continuous())) {
                dispatcher.dispatch(rollout, wave, budget(rollout, counts)); // standing configuration: newcomers get it
            }
            waves.afterSoak(rollout, now);
            return false;
        }
        if (waves.pauseOnFailures(rollout, counts, now)) {
            return false;
        }
        int waiting = counts.get(UnitState.PENDING) + counts.get(UnitState.WAITING_FOR_WINDOW);
        int inFlight = counts.get(UnitState.DISPATCHED) + counts.get(UnitState.IN_PROGRESS);
        if (waiting + inFlight > 0) {
            if (waiting > 0 && waves.approved(rollout)) {
                int budget = budget(rollout, counts);
                return dispatcher.dispatch(rollout, wave, budget) == config.dispatchBatch() && budget == config.dispatchBatch();
            }
            return false;
        }
        waves.complete(rollout, counts, now);
        return false;
    }

    private void rollBack(Rollout rollout, OffsetDateTime now) {
        waves.timeOutUnanswered(rollout, now.minus(config.outcomeTimeout()));
        Map<String, Integer> counts = units.counts(rollout.id, null);
        int open = counts.get(UnitState.PENDING) + counts.get(UnitState.WAITING_FOR_WINDOW) + counts.get(UnitState.DISPATCHED)
                + counts.get(UnitState.IN_PROGRESS);
        if (open == 0) {
            waves.finish(rollout, Phase.ROLLED_BACK, "rolled-back", null, now);
            return;
        }
        dispatcher.dispatch(rollout, null, budget(rollout, counts));
    }

    private int budget(Rollout rollout, Map<String, Integer> counts) {
        return DispatchBudget.of(rollout.spec.strategy(), counts.get(UnitState.DISPATCHED) + counts.get(UnitState.IN_PROGRESS),
                config.dispatchBatch(), config.tick());
    }
}
