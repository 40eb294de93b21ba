package io.edgefleet.projection.read;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** One device's name and labels from the inventory projection, by the id telemetry knows it by. */
@ApplicationScoped
public class ProjectedDevices {

    private final EntityManager entityManager;

    public ProjectedDevices(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<String> name(String orgId, UUID deviceId) {
        return column(orgId, deviceId, "name");
    }

    /** Empty when the device is not (yet) projected. */
    public Map<String, String> labels(String orgId, UUID deviceId) {
        return column(orgId, deviceId, "CAST(labels AS text)").map(LabelsJson::read).orElse(Map.of());
    }

    /**
     * The ids (as telemetry, commands and reports know them) of the devices in {@code scope}, in
     * id order, at most {@code limit}; decommissioned devices are never targets.
     */
    public List<UUID> targets(String orgId, DeviceScopes.Scope scope, int limit) {
        var query = entityManager.createNativeQuery("SELECT COALESCE(identity_id, device_id) AS id FROM device_projection "
                + "WHERE org_id = :org AND decommissioned_at IS NULL AND "
                + scope.condition("COALESCE(identity_id, device_id)") + " ORDER BY id", UUID.class);
        query.setParameter("org", orgId).setMaxResults(limit);
        scope.params().forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<UUID> ids = query.getResultList();
        return ids;
    }

    private Optional<String> column(String orgId, UUID deviceId, String column) {
        @SuppressWarnings("unchecked")
        List<String> rows = entityManager.createNativeQuery("SELECT " + column + " FROM device_projection "
                        + "WHERE org_id = :org AND COALESCE(identity_id, device_id) = :device")
                .setParameter("org", orgId).setParameter("device", deviceId).getResultList();
        return rows.stream().findFirst();
    }
}
