package io.edgefleet.inventory.repository;

import io.edgefleet.inventory.domain.DeviceChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The append-only timeline of each device's changes. */
@ApplicationScoped
public class DeviceHistoryRepository {

    private final EntityManager entityManager;

    public DeviceHistoryRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void append(UUID deviceId, String orgId, OffsetDateTime at, String actor, String changesJson) {
        entityManager.createNativeQuery("INSERT INTO device_history (device_id, org_id, at, actor, changes) "
                        + "VALUES (:device, :org, :at, :actor, CAST(:changes AS jsonb))")
                .setParameter("device", deviceId).setParameter("org", orgId).setParameter("at", at)
                .setParameter("actor", actor).setParameter("changes", changesJson).executeUpdate();
    }

    public List<DeviceChange> page(String orgId, UUID deviceId, Optional<Long> after, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT id, at, actor, CAST(changes AS text) FROM device_history "
                        + "WHERE org_id = :org AND device_id = :device AND id > :after ORDER BY id LIMIT :limit")
                .setParameter("org", orgId).setParameter("device", deviceId).setParameter("after", after.orElse(0L))
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new DeviceChange(((Number) r[0]).longValue(), toOffset(r[1]), (String) r[2], (String) r[3]))
                .toList();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        java.time.Instant instant = value instanceof java.sql.Timestamp ts ? ts.toInstant() : (java.time.Instant) value;
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }
}
