package io.edgefleet.projection;

import io.edgefleet.events.inventory.ClusterInventoryChanged;
import io.edgefleet.events.inventory.DeviceState;
import io.edgefleet.events.inventory.GroupChanged;
import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.cloudevents.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.UUID;

/**
 * Applies inventory's records to the projection: each device's whole state from the compacted
 * {@code fleet.inventory.devices} ({@link InventoryConsumer}), groups and clusters from
 * {@code fleet.inventory.events} (the same consumer). A service that acts on what changed (policy
 * re-evaluates the device) implements {@link ProjectionListener}: told in the same transaction.
 */
@ApplicationScoped
public class DeviceProjector {

    private static final String DECOMMISSIONED = "decommissioned";

    private final DeviceProjectionRepository projections;
    private final Instance<ProjectionListener> listeners;

    public DeviceProjector(DeviceProjectionRepository projections, Instance<ProjectionListener> listeners) {
        this.projections = projections;
        this.listeners = listeners;
    }

    void state(CloudEvent event, DeviceState device) {
        UUID identity = device.identityId() == null ? null : uuid(device.identityId());
        UUID deviceId = uuid(device.deviceId());
        boolean taken = projections.state(event.requireOrg(), deviceId, identity, device.name(), device.labels(),
                DECOMMISSIONED.equals(device.lifecycle()), device.resourceVersion(), event.time().toInstant(), event.id(), device);
        projections.cluster(event.requireOrg(), deviceId, device.clusterId() == null ? null
                : uuid(device.clusterId()), device.clusterRole(), device.resourceVersion());
        if (taken) {
            listeners.forEach(listener -> listener.deviceChanged(event.requireOrg(), deviceId));
        }
    }

    void clusterChanged(CloudEvent event, ClusterInventoryChanged cluster) {
        if (cluster.clusterId() == null || cluster.changedAt() == null) {
            throw new PoisonEventException("ClusterInventoryChanged lacks clusterId or changedAt");
        }
        UUID clusterId = uuid(cluster.clusterId());
        if (projections.clusterState(event.requireOrg(), clusterId, cluster, cluster.changedAt(), event.id())) {
            listeners.forEach(listener -> listener.clusterChanged(event.requireOrg(), clusterId));
        }
    }

    void deleted(CloudEvent event) {
        if (event.subject() == null) {
            throw new PoisonEventException("a device tombstone names its device in ce_subject");
        }
        projections.delete(event.requireOrg(), uuid(event.subject()));
    }

    void groupChanged(CloudEvent event, GroupChanged group) {
        if (group.groupId() == null || group.name() == null
                || !("static".equals(group.kind()) || "dynamic".equals(group.kind()))) {
            throw new PoisonEventException("GroupChanged lacks groupId or name, or its kind is not static or dynamic");
        }
        List<UUID> members = group.members() == null ? List.of() : group.members().stream().map(DeviceProjector::uuid).toList();
        projections.group(event.requireOrg(), uuid(group.groupId()), group.name(), group.kind(), group.selector(), members,
                group.deleted(), event.id());
    }

    /** An id from an event; anything but a UUID makes the event poison. */
    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("id '" + id + "' is not a UUID");
        }
    }
}
