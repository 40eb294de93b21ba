package io.edgefleet.telemetry.alert;

import io.edgefleet.rest.problem.ApiException;
import io.edgefleet.telemetry.ingest.TelemetryErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
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
    private final AlertNotifier notifier;
    private final Clock clock;

    public Alerts(EntityManager entityManager, AlertNotifier notifier, Clock clock) {
        this.entityManager = entityManager;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Filters of the alert list; empty ones match everything. */
    public record Filter(Optional<String> state, Optional<String> severity, Optional<UUID> deviceId, Optional<UUID> ruleId) {
    }

    @Transactional
    public List<Alert> page(String orgId, Filter filter, Optional<UUID> after, int limit) {
        TypedQuery<Alert> query = entityManager.createQuery("FROM Alert WHERE orgId = :org AND (:state IS NULL OR state = :state) "
                        + "AND (:severity IS NULL OR severity = :severity) AND (:device IS NULL OR deviceId = :device) "
                        + "AND (:rule IS NULL OR ruleId = :rule) AND (:after IS NULL OR id > :after) ORDER BY id", Alert.class)
                .setParameter("org", orgId).setParameter("state", filter.state().orElse(null))
                .setParameter("severity", filter.severity().orElse(null)).setParameter("device", filter.deviceId().orElse(null))
                .setParameter("rule", filter.ruleId().orElse(null)).setParameter("after", after.orElse(null));
        return query.setMaxResults(limit).getResultList();
    }

    @Transactional
    public Alert get(String orgId, UUID id) {
        Alert alert = entityManager.find(Alert.class, id);
        if (alert == null || !alert.orgId.equals(orgId)) {
            throw new ApiException(TelemetryErrorCode.ALERT_NOT_FOUND, "no alert " + id);
        }
        return alert;
    }

    /** Someone is on it: recorded and announced; the alert keeps firing until its condition clears. */
    @Transactional
    public Alert acknowledge(String orgId, UUID id, String actor) {
        Alert alert = get(orgId, id);
        if (!Alert.FIRING.equals(alert.state)) {
            throw new ApiException(TelemetryErrorCode.ALERT_NOT_FIRING, "alert " + id + " is " + alert.state);
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
