package io.edgefleet.telemetry.alert;

import io.edgefleet.audit.AuditTrail;
import io.edgefleet.core.concurrency.Versions;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.labels.SqlParameters;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.rest.security.TenantEntities;
import io.edgefleet.telemetry.ingest.TelemetryErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Alert rule CRUD. Changing or deleting a rule resolves its open alerts first: they were raised
 * under a condition that no longer exists.
 */
@ApplicationScoped
public class AlertRuleService {

    private static final String RESOURCE = "alert-rule";

    private final EntityManager entityManager;
    private final TenantEntities tenants;
    private final AlertRuleValidator validator;
    private final AlertEvaluator evaluator;
    private final Clock clock;
    private final AuditTrail audit;

    public AlertRuleService(EntityManager entityManager, TenantEntities tenants, AlertRuleValidator validator,
                            AlertEvaluator evaluator, AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.tenants = tenants;
        this.entityManager = entityManager;
        this.validator = validator;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    @Transactional
    public AlertRule create(String orgId, AlertRuleSpec spec) {
        AlertRule rule = new AlertRule();
        rule.id = UUID.randomUUID();
        rule.orgId = orgId;
        rule.createdAt = OffsetDateTime.now(clock);
        apply(rule, spec);
        entityManager.persist(rule);
        audit.record(orgId, "telemetry.alert-rule.created", RESOURCE, rule.id.toString(), null, spec);
        return rule;
    }

    @Transactional
    public AlertRule replace(String orgId, UUID id, AlertRuleSpec spec, Optional<Long> expectedVersion) {
        AlertRule rule = get(orgId, id);
        Versions.require(expectedVersion, rule.version, "alert rule " + id);
        Object before = audit.snapshot(rule);
        closeOpenAlerts(rule);
        apply(rule, spec);
        audit.record(orgId, "telemetry.alert-rule.updated", RESOURCE, id.toString(), before, rule);
        return rule;
    }

    @Transactional
    public void delete(String orgId, UUID id) {
        AlertRule rule = get(orgId, id);
        closeOpenAlerts(rule);
        audit.record(orgId, "telemetry.alert-rule.deleted", RESOURCE, id.toString(), rule, null);
        entityManager.remove(rule);
    }

    @Transactional
    public AlertRule get(String orgId, UUID id) {
        return tenants.require(AlertRule.class, orgId, id, TelemetryErrorCode.ALERT_RULE_NOT_FOUND, "alert rule");
    }

    @Transactional
    public List<AlertRule> page(String orgId, Keyset<AlertRule> page) {
        SqlParameters params = new SqlParameters();
        String hql = "FROM AlertRule r WHERE r.orgId = " + params.bind(orgId) + page.andOrderBy(params);
        var query = entityManager.createQuery(hql, AlertRule.class);
        params.values().forEach(query::setParameter);
        return query.setMaxResults(page.fetch()).getResultList();
    }

    private void apply(AlertRule rule, AlertRuleSpec spec) {
        validator.validate(spec);
        boolean nameTaken = entityManager.createQuery("SELECT count(r) FROM AlertRule r WHERE r.orgId = :org AND r.name = :name "
                        + "AND r.id <> :id", Long.class).setParameter("org", rule.orgId).setParameter("name", spec.name())
                .setParameter("id", rule.id).getSingleResult() > 0;
        if (nameTaken) {
            throw new FleetException(TelemetryErrorCode.ALERT_RULE_NAME_TAKEN, "an alert rule named '" + spec.name() + "' exists");
        }
        validator.copy(spec, rule);
        rule.updatedAt = OffsetDateTime.now(clock);
    }

    private void closeOpenAlerts(AlertRule rule) {
        for (Alert alert : evaluator.openAlerts(rule.id)) {
            if (Alert.PENDING.equals(alert.state)) {
                entityManager.remove(alert);
            } else {
                evaluator.resolve(alert, clock.instant());
            }
        }
    }
}
