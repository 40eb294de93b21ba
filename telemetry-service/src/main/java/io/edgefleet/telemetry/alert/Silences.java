package io.edgefleet.telemetry.alert;

import io.edgefleet.rest.labels.LabelSelector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Which silences are in force, and whether one of them mutes an alert. */
@ApplicationScoped
public class Silences {

    private final EntityManager entityManager;

    public Silences(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<Silence> active(String orgId, Instant now) {
        return entityManager.createQuery("FROM Silence WHERE orgId = :org AND startsAt <= :now AND endsAt > :now", Silence.class)
                .setParameter("org", orgId).setParameter("now", now.atOffset(ZoneOffset.UTC)).getResultList();
    }

    /** Every matcher a silence gives must match; labels are read only when a selector needs them. */
    boolean mutes(List<Silence> active, Alert alert) {
        return active.stream().anyMatch(s -> (s.ruleId == null || s.ruleId.equals(alert.ruleId))
                && (s.deviceId == null || s.deviceId.equals(alert.deviceId))
                && (s.labelSelector == null || LabelSelector.parse(s.labelSelector).matches(labels(alert.orgId, alert.deviceId))));
    }

    private Map<String, String> labels(String orgId, UUID deviceId) {
        @SuppressWarnings("unchecked")
        List<String> rows = entityManager.createNativeQuery("SELECT CAST(labels AS text) FROM device_projection "
                        + "WHERE org_id = :org AND COALESCE(identity_id, device_id) = :device")
                .setParameter("org", orgId).setParameter("device", deviceId).getResultList();
        return rows.isEmpty() ? Map.of() : io.edgefleet.telemetry.query.LabelsJson.read(rows.get(0));
    }
}
