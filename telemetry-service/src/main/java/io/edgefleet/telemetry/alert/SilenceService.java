package io.edgefleet.telemetry.alert;

import io.edgefleet.audit.AuditTrail;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.labels.LabelSelector;
import io.edgefleet.core.labels.SqlParameters;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.rest.security.TenantEntities;
import io.edgefleet.telemetry.ingest.TelemetryErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Creating, listing and ending silences. A silence must name what it mutes: no org-wide mute by accident. */
@ApplicationScoped
public class SilenceService {

    private static final String RESOURCE = "silence";

    private static final Duration LONGEST = Duration.ofDays(30);

    private final EntityManager entityManager;
    private final TenantEntities tenants;
    private final Clock clock;
    private final AuditTrail audit;

    public SilenceService(EntityManager entityManager, TenantEntities tenants, AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.tenants = tenants;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** What a silence mutes and until when ({@code startsAt} defaults to now). */
    public record SilenceSpec(UUID ruleId, UUID deviceId, @Size(max = Limits.TEXT) String labelSelector, Instant startsAt,
                              Instant endsAt, @Size(max = Limits.TEXT) String comment) {
    }

    @Transactional
    public Silence create(String orgId, String actor, SilenceSpec spec) {
        Instant now = clock.instant();
        Instant start = spec.startsAt() == null ? now : spec.startsAt();
        if (spec.ruleId() == null && spec.deviceId() == null && (spec.labelSelector() == null || spec.labelSelector().isBlank())) {
            throw FleetException.unprocessable("ruleId", "a silence names a rule, a device or a label selector");
        }
        if (spec.endsAt() == null || !spec.endsAt().isAfter(start) || !spec.endsAt().isAfter(now)
                || Duration.between(start, spec.endsAt()).compareTo(LONGEST) > 0) {
            throw FleetException.unprocessable("endsAt", "must be in the future, after startsAt, and at most 30 days after it");
        }
        if (spec.ruleId() != null) {
            // Another organization's rule is unknown here: 404 like a random id, never a cross-tenant reference.
            tenants.require(AlertRule.class, orgId, spec.ruleId(), TelemetryErrorCode.ALERT_RULE_NOT_FOUND, "alert rule");
        }
        Silence silence = new Silence();
        silence.id = UUID.randomUUID();
        silence.orgId = orgId;
        silence.ruleId = spec.ruleId();
        silence.deviceId = spec.deviceId();
        silence.labelSelector = spec.labelSelector() == null ? null : LabelSelector.parse(spec.labelSelector()).toString();
        silence.startsAt = start.atOffset(ZoneOffset.UTC);
        silence.endsAt = spec.endsAt().atOffset(ZoneOffset.UTC);
        silence.comment = spec.comment();
        silence.createdBy = actor;
        silence.createdAt = now.atOffset(ZoneOffset.UTC);
        entityManager.persist(silence);
        audit.record(orgId, "telemetry.silence.created", RESOURCE, silence.id.toString(), null, silence);
        return silence;
    }

    /** Ends a silence now; ended ones stay listed as history. */
    @Transactional
    public Silence expire(String orgId, UUID id) {
        Silence silence = get(orgId, id);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (silence.endsAt.isAfter(now)) {
            Object before = audit.snapshot(silence);
            silence.endsAt = now.isAfter(silence.startsAt) ? now : silence.startsAt.plusNanos(1000);
            audit.record(orgId, "telemetry.silence.expired", RESOURCE, id.toString(), before, silence);
        }
        return silence;
    }

    @Transactional
    public Silence get(String orgId, UUID id) {
        return tenants.require(Silence.class, orgId, id, TelemetryErrorCode.SILENCE_NOT_FOUND, "silence");
    }

    @Transactional
    public List<Silence> page(String orgId, boolean activeOnly, Keyset<Silence> page) {
        SqlParameters params = new SqlParameters();
        String hql = "FROM Silence s WHERE s.orgId = " + params.bind(orgId) + " AND (" + params.bind(activeOnly)
                + " = false OR s.endsAt > " + params.bind(OffsetDateTime.now(clock)) + ")" + page.andOrderBy(params);
        var query = entityManager.createQuery(hql, Silence.class);
        params.values().forEach(query::setParameter);
        return query.setMaxResults(page.fetch()).getResultList();
    }
}
