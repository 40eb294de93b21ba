package io.edgefleet.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes the projection with plain SQL: it is a table of facts copied from events, not a domain model. */
@ApplicationScoped
public class DeviceProjectionRepository {

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public DeviceProjectionRepository(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    public void upsert(String orgId, UUID deviceId, String name, Map<String, String> labels, Instant registeredAt,
                       String eventId) {
        entityManager.createNativeQuery("INSERT INTO device_projection (device_id, org_id, name, labels, "
                        + "registered_at, last_event_id, projected_at) VALUES (:id, :org, :name, CAST(:labels AS jsonb), "
                        + ":registeredAt, :eventId, now()) ON CONFLICT (device_id) DO UPDATE SET name = EXCLUDED.name, "
                        + "labels = EXCLUDED.labels, last_event_id = EXCLUDED.last_event_id, projected_at = now() "
                        + "WHERE device_projection.org_id = EXCLUDED.org_id")
                .setParameter("id", deviceId)
                .setParameter("org", orgId)
                .setParameter("name", name)
                .setParameter("labels", toJson(labels == null ? Map.of() : labels))
                .setParameter("registeredAt", registeredAt.atOffset(ZoneOffset.UTC))
                .setParameter("eventId", eventId)
                .executeUpdate();
    }

    /** Applies a later state of a device already projected; unknown devices are left to their registration. */
    public void update(String orgId, UUID deviceId, UUID identityId, String name, Map<String, String> labels,
                       String eventId) {
        entityManager.createNativeQuery("UPDATE device_projection SET name = :name, labels = CAST(:labels AS jsonb), "
                        + "identity_id = COALESCE(CAST(:identity AS uuid), identity_id), last_event_id = :eventId, "
                        + "projected_at = now() WHERE device_id = :id AND org_id = :org")
                .setParameter("id", deviceId).setParameter("org", orgId).setParameter("name", name)
                .setParameter("identity", identityId == null ? null : identityId.toString())
                .setParameter("labels", toJson(labels == null ? Map.of() : labels)).setParameter("eventId", eventId)
                .executeUpdate();
    }

    /** Marks a device as retired; it stays projected but leaves every group and selector scope. */
    public void decommissioned(String orgId, UUID deviceId, Instant at, String eventId) {
        entityManager.createNativeQuery("UPDATE device_projection SET decommissioned_at = COALESCE(decommissioned_at, :at), "
                        + "last_event_id = :eventId, projected_at = now() WHERE device_id = :id AND org_id = :org")
                .setParameter("id", deviceId).setParameter("org", orgId).setParameter("at", at.atOffset(ZoneOffset.UTC))
                .setParameter("eventId", eventId).executeUpdate();
    }

    /** Stores a group's whole state, or forgets it once deleted. */
    public void group(String orgId, UUID groupId, String name, String kind, String selector, List<UUID> members,
                      boolean deleted, String eventId) {
        if (deleted) {
            entityManager.createNativeQuery("DELETE FROM group_projection WHERE group_id = :id AND org_id = :org")
                    .setParameter("id", groupId).setParameter("org", orgId).executeUpdate();
            return;
        }
        entityManager.createNativeQuery("INSERT INTO group_projection (group_id, org_id, name, kind, selector, members, "
                        + "last_event_id, projected_at) VALUES (:id, :org, :name, :kind, :selector, "
                        + "CAST(:members AS uuid[]), :eventId, now()) ON CONFLICT (group_id) DO UPDATE SET name = EXCLUDED.name, "
                        + "selector = EXCLUDED.selector, members = EXCLUDED.members, last_event_id = EXCLUDED.last_event_id, "
                        + "projected_at = now() WHERE group_projection.org_id = EXCLUDED.org_id")
                .setParameter("id", groupId).setParameter("org", orgId).setParameter("name", name)
                .setParameter("kind", kind).setParameter("selector", selector)
                .setParameter("members", "{" + String.join(",", members.stream().map(UUID::toString).toList()) + "}")
                .setParameter("eventId", eventId).executeUpdate();
    }

    private String toJson(Map<String, String> labels) {
        try {
            return json.writeValueAsString(labels);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
