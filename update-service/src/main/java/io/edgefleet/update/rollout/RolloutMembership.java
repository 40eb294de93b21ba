package io.edgefleet.update.rollout;

import io.edgefleet.projection.ProjectionListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Dynamic membership: a device that enrolls or starts matching a rollout's target while it runs
 * joins it, in the projection's own transaction. It joins the current wave while that wave is still
 * sending, else the next — or a later selector wave it matches, as planning would have placed it;
 * after the last wave only a continuous rollout takes it. A device already
 * in the rollout (or in a cluster that is) is left as it is.
 */
@ApplicationScoped
public class RolloutMembership implements ProjectionListener {

    private final EntityManager entityManager;
    private final RolloutPlanner planner;
    private final UnitStore units;
    private final Clock clock;

    public RolloutMembership(EntityManager entityManager, RolloutPlanner planner, UnitStore units, Clock clock) {
        this.entityManager = entityManager;
        this.planner = planner;
        this.units = units;
        this.clock = clock;
    }

    @Override
    public void deviceChanged(String orgId, UUID deviceId) {
        List<Rollout> open = entityManager.createQuery("FROM Rollout o WHERE o.orgId = :org AND o.phase IN ('scheduled', "
                + "'running', 'paused')", Rollout.class).setParameter("org", orgId).getResultList();
        for (Rollout rollout : open) {
            Optional<PlannedUnit> unit = planner.joining(rollout, deviceId);
            if (unit.isEmpty() || units.exists(rollout.id, unit.get().unit())) {
                continue;
            }
            Optional<Integer> wave = waveFor(rollout, unit.get());
            wave.ifPresent(w -> units.insert(orgId, rollout.id, List.of(unit.get().inWave(w)), OffsetDateTime.now(clock)));
        }
    }

    private Optional<Integer> waveFor(Rollout rollout, PlannedUnit unit) {
        Map<String, Integer> counts = units.counts(rollout.id, rollout.currentWave);
        boolean sending = !rollout.waveCompleted && counts.get(UnitState.PENDING) + counts.get(UnitState.WAITING_FOR_WINDOW) > 0;
        int earliest = sending || rollout.phase() == Phase.SCHEDULED ? rollout.currentWave : rollout.currentWave + 1;
        Optional<Integer> wave = Waves.forJoiner(rollout.spec.waves(), unit.labels(), earliest);
        return wave.isPresent() || !Boolean.TRUE.equals(rollout.spec.continuous()) ? wave : Optional.of(rollout.currentWave);
    }
}
