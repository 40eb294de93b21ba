package io.edgefleet.telemetry.alert;

import io.edgefleet.core.labels.LabelSelector;
import io.edgefleet.projection.read.ProjectedDevices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Which silences are in force, and whether one of them mutes an alert. */
@ApplicationScoped
public class Silences {

    private final EntityManager entityManager;
    private final ProjectedDevices devices;

    public Silences(EntityManager entityManager, ProjectedDevices devices) {
        this.entityManager = entityManager;
        this.devices = devices;
    }

    public List<Silence> active(String orgId, Instant now) {
        return entityManager.createQuery("FROM Silence WHERE orgId = :org AND startsAt <= :now AND endsAt > :now", Silence.class)
                .setParameter("org", orgId).setParameter("now", now.atOffset(ZoneOffset.UTC)).getResultList();
    }

    /** Every matcher a silence gives must match; labels are read only when a selector needs them. */
    boolean mutes(List<Silence> active, Alert alert) {
        return active.stream().anyMatch(s -> (s.ruleId == null || s.ruleId.equals(alert.ruleId))
                && (s.deviceId == null || s.deviceId.equals(alert.deviceId))
                && (s.labelSelector == null || LabelSelector.parse(s.labelSelector).matches(devices.labels(alert.orgId, alert.deviceId))));
    }
}
