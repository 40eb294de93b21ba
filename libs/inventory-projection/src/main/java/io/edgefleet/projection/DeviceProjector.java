package io.edgefleet.projection;

import io.edgefleet.events.inventory.DeviceState;
import io.edgefleet.events.inventory.GroupChanged;
import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.cloudevents.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Applies inventory's records to the projection: each device's whole state from the compacted
 * {@code fleet.inventory.devices} ({@link InventoryConsumer}), groups from
 * {@code fleet.inventory.events} (the same consumer).
 */
@ApplicationScoped
public class DeviceProjector {

    private static final String DECOMMISSIONED = "decommissioned";

    private final DeviceProjectionRepository projections;

    public DeviceProjector(DeviceProjectionRepository projections) {
        this.projections = projections;
    }

    void state(CloudEvent event, DeviceState device) {
        UUID identity = device.identityId() == null ? null : uuid(device.identityId());
        projections.state(event.requireOrg(), uuid(device.deviceId()), identity, device.name(), device.labels(),
                DECOMMISSIONED.equals(device.lifecycle()), device.resourceVersion(), event.time().toInstant(), event.id());
        projections.cluster(event.requireOrg(), uuid(device.deviceId()), device.clusterId() == null ? null
                : uuid(device.clusterId()), device.clusterRole(), device.resourceVersion());
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
