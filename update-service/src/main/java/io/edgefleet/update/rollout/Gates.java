package io.edgefleet.update.rollout;

import io.edgefleet.events.policy.ComplianceChanged;
import io.edgefleet.events.telemetry.AlertNotification;
import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.cloudevents.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Gates beyond success ratios: after its soak a wave lets the next one start only when every
 * device it changed is compliant with (or exempt from) the named policy assignments and has no
 * firing alert of the named severities. Reads what policy and telemetry publish, kept here as the
 * latest state per device (compliance) and per alert.
 */
@ApplicationScoped
public class Gates {

    private static final String CHANGED = "(SELECT unnest(machines) AS device FROM rollout_unit WHERE rollout_id = :r AND wave = :w "
            + "AND state = 'succeeded') changed";

    private final EntityManager entityManager;

    public Gates(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Why the current wave's gates do not hold yet, or empty when they do (or it has none). */
    Optional<String> holding(Rollout rollout) {
        RolloutSpec.Gates gates = rollout.spec.gates();
        if (gates == null) {
            return Optional.empty();
        }
        for (String assignment : gates.assignments() == null ? java.util.List.<String>of() : gates.assignments()) {
            long failing = ((Number) entityManager.createNativeQuery("SELECT count(*) FROM " + CHANGED + " WHERE NOT EXISTS ("
                            + "SELECT 1 FROM gate_compliance c WHERE c.org_id = :org AND c.device_id = changed.device "
                            + "AND c.assignment_name = :a AND c.state IN ('compliant', 'exempt'))")
                    .setParameter("r", rollout.id).setParameter("w", rollout.currentWave).setParameter("org", rollout.orgId)
                    .setParameter("a", assignment).getSingleResult()).longValue();
            if (failing > 0) {
                return Optional.of(failing + " device(s) of wave " + rollout.currentWave + " not compliant with " + assignment);
            }
        }
        if (gates.alertSeverities() != null && !gates.alertSeverities().isEmpty()) {
            long firing = ((Number) entityManager.createNativeQuery("SELECT count(*) FROM " + CHANGED + " JOIN device_projection d "
                            + "ON d.device_id = changed.device JOIN gate_alert a ON a.org_id = :org AND a.device_id = d.identity_id "
                            + "AND a.state = 'firing' AND a.severity IN (:severities)")
                    .setParameter("r", rollout.id).setParameter("w", rollout.currentWave).setParameter("org", rollout.orgId)
                    .setParameter("severities", gates.alertSeverities()).getSingleResult()).longValue();
            if (firing > 0) {
                return Optional.of(firing + " alert(s) firing on devices of wave " + rollout.currentWave);
            }
        }
        return Optional.empty();
    }

    /** A device's compliance with one assignment changed. */
    void compliance(CloudEvent event, ComplianceChanged change) {
        if (change.deviceId() == null || change.assignmentName() == null || change.state() == null || change.changedAt() == null) {
            throw new PoisonEventException("compliance change lacks deviceId, assignmentName, state or changedAt");
        }
        entityManager.createNativeQuery("INSERT INTO gate_compliance (org_id, device_id, assignment_name, state, changed_at) "
                        + "VALUES (:org, :d, :a, :s, :at) ON CONFLICT (org_id, device_id, assignment_name) DO UPDATE "
                        + "SET state = EXCLUDED.state, changed_at = EXCLUDED.changed_at WHERE gate_compliance.changed_at <= EXCLUDED.changed_at")
                .setParameter("org", event.requireOrg()).setParameter("d", UUID.fromString(change.deviceId()))
                .setParameter("a", change.assignmentName()).setParameter("s", change.state())
                .setParameter("at", OffsetDateTime.ofInstant(change.changedAt(), ZoneOffset.UTC)).executeUpdate();
    }

    /** An alert fired, resolved or was acknowledged (an acknowledged alert still fires). */
    void alert(CloudEvent event, AlertNotification alert) {
        if (alert.alertId() == null || alert.deviceId() == null || alert.state() == null || alert.severity() == null
                || alert.changedAt() == null) {
            throw new PoisonEventException("alert lacks alertId, deviceId, state, severity or changedAt");
        }
        entityManager.createNativeQuery("INSERT INTO gate_alert (alert_id, org_id, device_id, severity, state, changed_at) "
                        + "VALUES (:id, :org, :d, :sev, :s, :at) ON CONFLICT (alert_id) DO UPDATE SET state = EXCLUDED.state, "
                        + "severity = EXCLUDED.severity, changed_at = EXCLUDED.changed_at WHERE gate_alert.changed_at <= EXCLUDED.changed_at")
                .setParameter("id", UUID.fromString(alert.alertId())).setParameter("org", event.requireOrg())
                .setParameter("d", UUID.fromString(alert.deviceId())).setParameter("sev", alert.severity())
                .setParameter("s", "resolved".equals(alert.state()) ? "resolved" : "firing")
                .setParameter("at", OffsetDateTime.ofInstant(alert.changedAt(), ZoneOffset.UTC)).executeUpdate();
    }
}
