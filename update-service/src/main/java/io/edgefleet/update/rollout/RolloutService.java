package io.edgefleet.update.rollout;

import io.edgefleet.audit.AuditTrail;
import io.edgefleet.core.concurrency.Versions;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.labels.SqlParameters;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.core.paging.SortField;
import io.edgefleet.core.paging.Sorting;
import io.edgefleet.update.UpdateErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Rollouts as resources: created as drafts, changed only while drafts, deleted as drafts or once ended. */
@ApplicationScoped
public class RolloutService {

    public static final Sorting<Rollout> SORTING = Sorting.of(SortField.id("o.id", o -> o.id), "id",
            SortField.text("name", "o.name", o -> o.name), SortField.time("createdAt", "o.createdAt", o -> o.createdAt));

    static final String RESOURCE = "rollout";

    private final EntityManager entityManager;
    private final RolloutRules rules;
    private final AuditTrail audit;
    private final Clock clock;

    public RolloutService(EntityManager entityManager, RolloutRules rules, AuditTrail audit, Clock clock) {
        this.entityManager = entityManager;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Rollout create(String orgId, RolloutSpec spec) {
        Rollout rollout = new Rollout();
        rollout.id = UUID.randomUUID();
        rollout.orgId = orgId;
        rollout.phase = Phase.DRAFT.wireName();
        rollout.createdAt = OffsetDateTime.now(clock);
        apply(rollout, spec);
        entityManager.persist(rollout);
        audit.record(orgId, "update.rollout.created", RESOURCE, rollout.id.toString(), null, spec);
        return rollout;
    }

    @Transactional
    public Rollout replace(String orgId, UUID id, RolloutSpec spec, Optional<Long> expectedVersion) {
        Rollout rollout = get(orgId, id);
        Versions.require(expectedVersion, rollout.version, "rollout " + id);
        requirePhase(rollout, "changed", Phase.DRAFT);
        Object before = audit.snapshot(rollout.spec);
        apply(rollout, spec);
        audit.record(orgId, "update.rollout.updated", RESOURCE, id.toString(), before, spec);
        return rollout;
    }

    @Transactional
    public void delete(String orgId, UUID id) {
        Rollout rollout = get(orgId, id);
        if (rollout.phase() != Phase.DRAFT && !rollout.phase().isFinal()) {
            throw new FleetException(UpdateErrorCode.ROLLOUT_PHASE_CONFLICT, "rollout " + id + " is " + rollout.phase
                    + ": cancel it first; only drafts and ended rollouts are deleted");
        }
        audit.record(orgId, "update.rollout.deleted", RESOURCE, id.toString(), rollout.spec, null);
        entityManager.remove(rollout);
    }

    @Transactional
    public Rollout get(String orgId, UUID id) {
        return entityManager.createQuery("FROM Rollout o WHERE o.orgId = :org AND o.id = :id", Rollout.class)
                .setParameter("org", orgId).setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> new FleetException(UpdateErrorCode.ROLLOUT_NOT_FOUND, "no rollout " + id));
    }

    /** A page of rollouts, optionally in one phase. */
    @Transactional
    public List<Rollout> page(String orgId, String phase, Keyset<Rollout> page) {
        SqlParameters params = new SqlParameters();
        String where = "FROM Rollout o WHERE o.orgId = " + params.bind(orgId) + (phase == null ? "" : " AND o.phase = " + params.bind(phase));
        var query = entityManager.createQuery(where + page.andOrderBy(params), Rollout.class);
        params.values().forEach(query::setParameter);
        return query.setMaxResults(page.fetch()).getResultList();
    }

    static void requirePhase(Rollout rollout, String action, Phase... allowed) {
        if (!List.of(allowed).contains(rollout.phase())) {
            throw new FleetException(UpdateErrorCode.ROLLOUT_PHASE_CONFLICT, "rollout " + rollout.id + " is " + rollout.phase
                    + " and cannot be " + action + " (only when " + String.join(" or ", List.of(allowed).stream()
                    .map(Phase::wireName).toList()) + ")");
        }
    }

    private void apply(Rollout rollout, RolloutSpec spec) {
        rules.require(rollout.orgId, rollout.id, spec);
        rollout.name = spec.name();
        rollout.spec = spec;
        rollout.releaseId = spec.release();
        rollout.waveCount = Waves.count(spec.waves());
        rollout.updatedAt = OffsetDateTime.now(clock);
    }
}
