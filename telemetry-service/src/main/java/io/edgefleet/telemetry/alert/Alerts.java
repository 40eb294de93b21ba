package io.edgefleet.telemetry.alert;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.labels.SqlParameters;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.projection.read.DeviceScopes;
import io.edgefleet.rest.security.TenantEntities;
import io.edgefleet.telemetry.ingest.TelemetryErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reading alerts and acknowledging firing ones. */
@ApplicationScoped
public class Alerts {

    private final EntityManager entityManager;
    private final TenantEntities tenants;
    private final AlertNotifier notifier;
    private final Clock clock;

    public Alerts(EntityManager entityManager, TenantEntities tenants, AlertNotifier notifier, Clock clock) {
        this.tenants = tenants;
        this.entityManager = entityManager;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Filters of the alert list; empty ones match everything. */
    public record Filter(Optional<String> state, Optional<String> severity, Optional<UUID> deviceId, Optional<UUID> ruleId) {
    }

    @Transactional
    public List<Alert> page(String orgId, Filter filter, DeviceScopes.Scope devices, Keyset<Alert> page) {
        SqlParameters keyset = new SqlParameters();
        Query query = entityManager.createNativeQuery("SELECT * FROM alert WHERE org_id = :org "
                        + "AND (CAST(:state AS text) IS NULL OR state = :state) "
                        + "AND (CAST(:severity AS text) IS NULL OR severity = :severity) "
                        + "AND (CAST(:device AS text) IS NULL OR device_id = CAST(:device AS uuid)) "
                        + "AND (CAST(:rule AS text) IS NULL OR rule_id = CAST(:rule AS uuid)) "
                        + "AND " + devices.condition("device_id") + page.andOrderBy(keyset), Alert.class)
                .setParameter("org", orgId).setParameter("state", filter.state().orElse(null))
                .setParameter("severity", filter.severity().orElse(null)).setParameter("device", text(filter.deviceId()))
                .setParameter("rule", text(filter.ruleId()));
        keyset.values().forEach(query::setParameter);
        devices.params().forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Alert> alerts = query.setMaxResults(page.fetch()).getResultList();
        return alerts;
    }

    private static String text(Optional<UUID> id) {
        return id.map(UUID::toString).orElse(null);
    }

    @Transactional
    public Alert get(String orgId, UUID id) {
        return tenants.require(Alert.class, orgId, id, TelemetryErrorCode.ALERT_NOT_FOUND, "alert");
    }

    /** Someone is on it: recorded and announced; the alert keeps firing until its condition clears. */
    @Transactional
    public Alert acknowledge(String orgId, UUID id, String actor) {
        Alert alert = get(orgId, id);
        if (!Alert.FIRING.equals(alert.state)) {
            throw new FleetException(TelemetryErrorCode.ALERT_NOT_FIRING, "alert " + id + " is " + alert.state);
        }
        if (alert.acknowledgedAt == null) {
            alert.acknowledgedBy = actor;
            alert.acknowledgedAt = OffsetDateTime.now(clock);
            alert.updatedAt = alert.acknowledgedAt;
            notifier.acknowledged(alert, clock.instant());
        }
        return alert;
    }
}
