package io.edgefleet.inventory.rest;

import io.edgefleet.inventory.domain.Device;
import java.time.OffsetDateTime;
import java.util.Map;

/** A device as the REST API shows it. */
public record DeviceView(String id, String name, Map<String, String> labels, OffsetDateTime createdAt,
                         OffsetDateTime updatedAt, String resourceVersion) {

    static DeviceView of(Device device) {
        return new DeviceView(device.id.toString(), device.name, device.labels, device.createdAt, device.updatedAt,
                Long.toString(device.version));
    }
}
