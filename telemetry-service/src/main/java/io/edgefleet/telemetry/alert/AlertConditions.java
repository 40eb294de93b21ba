package io.edgefleet.telemetry.alert;

import io.edgefleet.projection.read.DeviceScopes;
import io.edgefleet.telemetry.config.TelemetryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Which devices break a rule at a given moment, each with the value that breaks it. */
@ApplicationScoped
public class AlertConditions {

    private final EntityManager entityManager;
    private final DeviceScopes scopes;
    private final TelemetryConfig config;

    public AlertConditions(EntityManager entityManager, DeviceScopes scopes, TelemetryConfig config) {
        this.entityManager = entityManager;
        this.scopes = scopes;
        this.config = config;
    }

    public Map<UUID, Double> breaching(AlertRule rule, Instant now) {
        DeviceScopes.Scope scope = rule.labelSelector == null ? DeviceScopes.ALL
                : scopes.resolve(rule.orgId, null, null, rule.labelSelector);
        Query query = switch (rule.ruleKind()) {
            case THRESHOLD -> threshold(rule, scope, now);
            case OFFLINE -> offline(rule, scope, now);
            case COMMAND_FAILURE_RATE -> commandFailures(rule, scope, now);
        };
        query.setParameter("org", rule.orgId);
        scope.params().forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<UUID, Double> breaching = new LinkedHashMap<>();
        rows.forEach(r -> breaching.put((UUID) r[0], ((Number) r[1]).doubleValue()));
        return breaching;
    }

    /** The worst series of the device counts (the hottest node for {@code >}); stale values do not. */
    private Query threshold(AlertRule rule, DeviceScopes.Scope scope, Instant now) {
        String worst = rule.operator.startsWith(">") ? "max(value)" : "min(value)";
        return entityManager.createNativeQuery("SELECT device_id, " + worst + " FROM metric_latest WHERE org_id = :org "
                        + "AND metric = :metric AND ts >= :fresh AND " + scope.condition("device_id")
                        + " GROUP BY device_id HAVING " + worst + " " + Operators.sql(rule.operator) + " :threshold")
                .setParameter("metric", rule.metric).setParameter("threshold", rule.threshold)
                .setParameter("fresh", now.minus(config.reportingWindow()).atOffset(ZoneOffset.UTC));
    }

    /** Seconds since the device was last heard of. */
    private Query offline(AlertRule rule, DeviceScopes.Scope scope, Instant now) {
        return entityManager.createNativeQuery("SELECT device_id, extract(epoch FROM (CAST(:now AS timestamptz) - last_seen_at)) "
                        + "FROM device_presence WHERE org_id = :org AND last_seen_at < :cutoff AND " + scope.condition("device_id"))
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("cutoff", now.minusSeconds(rule.offlineSeconds).atOffset(ZoneOffset.UTC));
    }

    /** The share of the device's finished commands in the window that failed. */
    private Query commandFailures(AlertRule rule, DeviceScopes.Scope scope, Instant now) {
        String rate = "avg(CASE WHEN failed THEN 1.0 ELSE 0.0 END)";
        return entityManager.createNativeQuery("SELECT device_id, " + rate + " FROM command_outcome WHERE org_id = :org "
                        + "AND finished_at >= :since AND finished_at <= :now AND " + scope.condition("device_id")
                        + " GROUP BY device_id HAVING count(*) >= :min AND " + rate + " >= :rate")
                .setParameter("since", now.minusSeconds(rule.windowSeconds).atOffset(ZoneOffset.UTC))
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("min", rule.minCommands).setParameter("rate", rule.failureRate);
    }
}
