package io.edgefleet.projection;

import io.edgefleet.events.DeviceRegistered;
import io.edgefleet.events.inventory.DeviceDecommissioned;
import io.edgefleet.events.inventory.DeviceState;
import io.edgefleet.events.inventory.DeviceUpdated;
import io.edgefleet.events.inventory.GroupChanged;
import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.cloudevents.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Applies inventory events to the projection (routed by {@link InventoryEventsConsumer}). */
@ApplicationScoped
public class DeviceProjector {

    private final DeviceProjectionRepository projections;

    public DeviceProjector(DeviceProjectionRepository projections) {
        this.projections = projections;
    }

    void updated(CloudEvent event, DeviceUpdated data) {
        DeviceState device = data.device();
        if (device == null || device.deviceId() == null || device.name() == null) {
            throw new PoisonEventException("DeviceUpdated lacks the device's id and name");
        }
        projections.update(event.requireOrg(), deviceId(device.deviceId()),
                device.identityId() == null ? null : deviceId(device.identityId()), device.name(), device.labels(), event.id());
    }

    void groupChanged(CloudEvent event, GroupChanged group) {
        if (group.groupId() == null || group.name() == null
                || !("static".equals(group.kind()) || "dynamic".equals(group.kind()))) {
            throw new PoisonEventException("GroupChanged lacks groupId or name, or its kind is not static or dynamic");
        }
        List<UUID> members = group.members() == null ? List.of() : group.members().stream().map(DeviceProjector::deviceId).toList();
        projections.group(event.requireOrg(), deviceId(group.groupId()), group.name(), group.kind(), group.selector(), members,
                group.deleted(), event.id());
    }

    void decommissioned(CloudEvent event, DeviceDecommissioned data) {
        if (data.deviceId() == null) {
            throw new PoisonEventException("DeviceDecommissioned lacks deviceId");
        }
        projections.decommissioned(event.requireOrg(), deviceId(data.deviceId()),
                data.decommissionedAt() == null ? event.time().toInstant() : data.decommissionedAt(), event.id());
    }

    void registered(CloudEvent event, DeviceRegistered data) {
        if (data.deviceId() == null || data.name() == null || data.registeredAt() == null) {
            throw new PoisonEventException("DeviceRegistered lacks deviceId, name or registeredAt");
        }
        projections.upsert(event.requireOrg(), deviceId(data.deviceId()), data.name(), data.labels(),
                data.registeredAt(), event.id());
    }

    private static UUID deviceId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("id '" + id + "' is not a UUID");
        }
    }
}
