package io.edgefleet.projection;

import io.edgefleet.events.DeviceRegistered;
import io.edgefleet.events.EventType;
import io.edgefleet.events.inventory.DeviceState;
import io.edgefleet.events.inventory.DeviceUpdated;
import io.edgefleet.events.inventory.GroupChanged;
import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.cloudevents.CloudEventCodec;
import io.edgefleet.messaging.cloudevents.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Applies inventory events to the projection; unknown event types are skipped (tolerant reader). */
@ApplicationScoped
public class DeviceProjector {

    private final CloudEventCodec codec;
    private final DeviceProjectionRepository projections;

    public DeviceProjector(CloudEventCodec codec, DeviceProjectionRepository projections) {
        this.codec = codec;
        this.projections = projections;
    }

    public void apply(CloudEvent event) {
        EventType type = EventType.fromWireName(event.type()).orElse(null);
        if (type == EventType.DEVICE_REGISTERED) {
            registered(event);
        } else if (type == EventType.DEVICE_UPDATED) {
            updated(event);
        } else if (type == EventType.GROUP_CHANGED) {
            groupChanged(event);
        }
    }

    private void updated(CloudEvent event) {
        DeviceState device = codec.data(event, DeviceUpdated.class).device();
        if (event.orgId() == null || device == null || device.deviceId() == null || device.name() == null) {
            throw new PoisonEventException("DeviceUpdated lacks orgid or the device's id and name");
        }
        projections.update(event.orgId(), deviceId(device.deviceId()),
                device.identityId() == null ? null : deviceId(device.identityId()), device.name(), device.labels(), event.id());
    }

    private void groupChanged(CloudEvent event) {
        GroupChanged group = codec.data(event, GroupChanged.class);
        if (event.orgId() == null || group.groupId() == null || group.name() == null
                || !("static".equals(group.kind()) || "dynamic".equals(group.kind()))) {
            throw new PoisonEventException("GroupChanged lacks orgid, groupId or name, or its kind is not static or dynamic");
        }
        List<UUID> members = group.members() == null ? List.of() : group.members().stream().map(DeviceProjector::deviceId).toList();
        projections.group(event.orgId(), deviceId(group.groupId()), group.name(), group.kind(), group.selector(), members,
                group.deleted(), event.id());
    }

    private void registered(CloudEvent event) {
        DeviceRegistered data = codec.data(event, DeviceRegistered.class);
        if (event.orgId() == null || data.deviceId() == null || data.name() == null || data.registeredAt() == null) {
            throw new PoisonEventException("DeviceRegistered lacks orgid, deviceId, name or registeredAt");
        }
        projections.upsert(event.orgId(), deviceId(data.deviceId()), data.name(), data.labels(),
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
