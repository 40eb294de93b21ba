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

    /**
     * Stores a device's whole state unless the projection already holds a newer one. A device
     * keeps the time it was first projected and, once decommissioned, the time it left.
     *
     * @param state the whole state as published (JSON), what policy rules read
     * @return whether the projection took it (false: it already held a newer state)
     */
    public boolean state(String orgId, UUID deviceId, UUID identityId, String name, Map<String, String> labels,
                         boolean decommissioned, long resourceVersion, Instant at, String eventId, Object state) {
        return entityManager.createNativeQuery("INSERT INTO device_projection (device_id, org_id, identity_id, name, labels, "
                        + "resource_version, decommissioned_at, registered_at, last_event_id, projected_at, state) VALUES (:id, :org, "
                        + "CAST(:identity AS uuid), :name, CAST(:labels AS jsonb), :version, "
                        + "CASE WHEN :decommissioned THEN CAST(:at AS timestamptz) END, :at, :eventId, now(), CAST(:state AS jsonb)) "
                        + "ON CONFLICT (device_id) DO UPDATE SET identity_id = EXCLUDED.identity_id, name = EXCLUDED.name, "
                        + "labels = EXCLUDED.labels, state = EXCLUDED.state, resource_version = EXCLUDED.resource_version, decommissioned_at = "
                        + "CASE WHEN EXCLUDED.decommissioned_at IS NULL THEN NULL "
                        + "ELSE COALESCE(device_projection.decommissioned_at, EXCLUDED.decommissioned_at) END, "
                        + "last_event_id = EXCLUDED.last_event_id, projected_at = now() "
                        + "WHERE device_projection.org_id = EXCLUDED.org_id "
                        + "AND device_projection.resource_version <= EXCLUDED.resource_version")
                .setParameter("id", deviceId).setParameter("org", orgId)
                .setParameter("identity", identityId == null ? null : identityId.toString())
                .setParameter("name", name).setParameter("labels", toJson(labels == null ? Map.of() : labels))
                .setParameter("version", resourceVersion)
                .setParameter("decommissioned", decommissioned)
                .setParameter("at", at.atOffset(ZoneOffset.UTC)).setParameter("eventId", eventId)
                .setParameter("state", toJson(state))
                .executeUpdate() > 0;
    }

    /**
     * Stores a cluster's whole state unless the projection holds a later one (by the time inventory
     * changed it: cluster events carry no version).
     *
     * @return whether the projection took it
     */
    public boolean clusterState(String orgId, UUID clusterId, Object state, Instant changedAt, String eventId) {
        return entityManager.createNativeQuery("INSERT INTO cluster_projection (cluster_id, org_id, state, changed_at, "
                        + "last_event_id, projected_at) VALUES (:id, :org, CAST(:state AS jsonb), :changedAt, :eventId, now()) "
                        + "ON CONFLICT (cluster_id) DO UPDATE SET state = EXCLUDED.state, changed_at = EXCLUDED.changed_at, "
                        + "last_event_id = EXCLUDED.last_event_id, projected_at = now() "
                        + "WHERE cluster_projection.org_id = EXCLUDED.org_id AND cluster_projection.changed_at <= EXCLUDED.changed_at")
                .setParameter("id", clusterId).setParameter("org", orgId).setParameter("state", toJson(state))
                .setParameter("changedAt", changedAt.atOffset(ZoneOffset.UTC)).setParameter("eventId", eventId)
                .executeUpdate() > 0;
    }

    /** The cluster the device's machine belongs to, and its role there, as of {@code resourceVersion}. */
    public void cluster(String orgId, UUID deviceId, UUID clusterId, String clusterRole, long resourceVersion) {
        entityManager.createNativeQuery("UPDATE device_projection SET cluster_id = CAST(:cluster AS uuid), cluster_role = :role "
                        + "WHERE device_id = :id AND org_id = :org AND resource_version = :version")
                .setParameter("cluster", clusterId == null ? null : clusterId.toString()).setParameter("role", clusterRole)
                .setParameter("id", deviceId).setParameter("org", orgId).setParameter("version", resourceVersion)
                .executeUpdate();
    }

    /** The device was deleted in inventory (a tombstone): it leaves the projection. */
    public void delete(String orgId, UUID deviceId) {
        entityManager.createNativeQuery("DELETE FROM device_projection WHERE device_id = :id AND org_id = :org")
                .setParameter("id", deviceId).setParameter("org", orgId).executeUpdate();
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

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
