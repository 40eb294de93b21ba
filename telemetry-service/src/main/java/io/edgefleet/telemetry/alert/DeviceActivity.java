package io.edgefleet.telemetry.alert;

import io.edgefleet.revocations.RevocationListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * What alert rules know of devices besides samples: when each was last heard of (offline rules)
 * and its finished commands (failure-rate rules). Writes keep the newest time and one row per
 * command, so redelivered or reordered events never move anything back and no inbox is needed.
 */
@ApplicationScoped
public class DeviceActivity implements RevocationListener {

    private final EntityManager entityManager;

    public DeviceActivity(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void seen(String orgId, UUID deviceId, Instant at) {
        entityManager.createNativeQuery("INSERT INTO device_presence (device_id, org_id, last_seen_at) VALUES (:d, :o, :at) "
                        + "ON CONFLICT (device_id) DO UPDATE SET last_seen_at = GREATEST(device_presence.last_seen_at, "
                        + "EXCLUDED.last_seen_at) WHERE device_presence.org_id = EXCLUDED.org_id")
                .setParameter("d", deviceId).setParameter("o", orgId).setParameter("at", at.atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    /** The device left the fleet (revoked, decommissioned): its silence is expected, not an outage. */
    public void gone(String orgId, UUID deviceId) {
        entityManager.createNativeQuery("DELETE FROM device_presence WHERE device_id = :d AND org_id = :o")
                .setParameter("d", deviceId).setParameter("o", orgId).executeUpdate();
    }

    @Override
    public void revoked(String orgId, UUID deviceId) {
        gone(orgId, deviceId);
    }

    /** A finished command; a redelivered outcome is recorded once. */
    public void commandFinished(String orgId, UUID commandId, UUID deviceId, boolean failed, Instant at) {
        entityManager.createNativeQuery("INSERT INTO command_outcome (command_id, org_id, device_id, failed, finished_at) "
                        + "VALUES (:c, :o, :d, :failed, :at) ON CONFLICT (command_id) DO NOTHING")
                .setParameter("c", commandId).setParameter("o", orgId).setParameter("d", deviceId)
                .setParameter("failed", failed).setParameter("at", at.atOffset(ZoneOffset.UTC)).executeUpdate();
    }
}
