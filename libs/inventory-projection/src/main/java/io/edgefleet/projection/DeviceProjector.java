package io.edgefleet.projection;

import io.edgefleet.events.DeviceRegistered;
import io.edgefleet.events.EventType;
import io.edgefleet.events.inventory.DeviceState;
import io.edgefleet.events.inventory.DeviceUpdated;
import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.cloudevents.CloudEventCodec;
import io.edgefleet.messaging.cloudevents.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;
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
        }
    }

    private void updated(CloudEvent event) {
        DeviceState device = codec.data(event, DeviceUpdated.class).device();
        if (event.orgId() == null || device == null || device.deviceId() == null || device.name() == null) {
            throw new PoisonEventException("DeviceUpdated lacks orgid or the device's id and name");
        }
        projections.update(event.orgId(), deviceId(device.deviceId()), device.name(), device.labels(), event.id());
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
            throw new PoisonEventException("deviceId '" + id + "' is not a UUID");
        }
    }
}
