package io.edgefleet.projection.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.events.inventory.ClusterInventoryChanged;
import io.edgefleet.events.inventory.DeviceState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Devices' whole projected states with their clusters': what policy rules read, in every service
 * that judges them. Only devices whose state was projected, never decommissioned ones.
 */
@ApplicationScoped
public class ProjectedDocuments {

    private static final String SELECT = "SELECT d.device_id, CAST(d.state AS text), CAST(c.state AS text) "
            + "FROM device_projection d LEFT JOIN cluster_projection c ON c.cluster_id = d.cluster_id AND c.org_id = d.org_id "
            + "WHERE d.org_id = :org AND d.state IS NOT NULL AND d.decommissioned_at IS NULL ";

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public ProjectedDocuments(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /**
     * One device's state and its cluster's.
     *
     * @param deviceId the device's inventory id or its enrolled identity's
     * @param cluster null when the device is in no cluster or the cluster is not projected yet
     */
    public record Document(UUID deviceId, DeviceState state, ClusterInventoryChanged cluster) {
    }

    public Optional<Document> of(String orgId, UUID deviceId) {
        return read(entityManager.createNativeQuery(SELECT + "AND (d.device_id = :id OR d.identity_id = :id)")
                .setParameter("org", orgId).setParameter("id", deviceId).getResultList()).stream().findFirst();
    }

    /** The documents of the devices among {@code deviceIds} (inventory ids) that are projected and not decommissioned. */
    public List<Document> of(String orgId, java.util.Collection<UUID> deviceIds) {
        if (deviceIds.isEmpty()) {
            return List.of();
        }
        return read(entityManager.createNativeQuery(SELECT + "AND d.device_id IN (:ids) ORDER BY d.device_id")
                .setParameter("org", orgId).setParameter("ids", deviceIds).getResultList());
    }

    /** The organization's devices in inventory-id order after {@code after} (null: from the first), at most {@code limit}. */
    public List<Document> page(String orgId, UUID after, int limit) {
        var query = entityManager.createNativeQuery(SELECT + (after == null ? "" : "AND d.device_id > :after ")
                + "ORDER BY d.device_id").setParameter("org", orgId).setMaxResults(limit);
        if (after != null) {
            query.setParameter("after", after);
        }
        return read(query.getResultList());
    }

    /** The inventory ids of the cluster's machines. */
    public List<UUID> machinesOf(String orgId, UUID clusterId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("SELECT device_id FROM device_projection WHERE org_id = :org "
                        + "AND cluster_id = :cluster AND decommissioned_at IS NULL ORDER BY device_id", UUID.class)
                .setParameter("org", orgId).setParameter("cluster", clusterId).getResultList();
        return ids;
    }

    /** Organizations with at least one projected device. */
    public List<String> organizations() {
        @SuppressWarnings("unchecked")
        List<String> orgs = entityManager.createNativeQuery("SELECT DISTINCT org_id FROM device_projection ORDER BY org_id")
                .getResultList();
        return orgs;
    }

    private List<Document> read(List<?> rows) {
        return rows.stream().map(Object[].class::cast).map(row -> new Document((UUID) row[0],
                parse((String) row[1], DeviceState.class), row[2] == null ? null : parse((String) row[2],
                        ClusterInventoryChanged.class))).toList();
    }

    private <T> T parse(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a projected state is not " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
