package io.edgefleet.inventory.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.edgefleet.events.inventory.DeviceState;
import io.edgefleet.inventory.domain.Device;
import java.time.OffsetDateTime;

/**
 * A device as the REST API shows it: the same state inventory events carry (flattened: name,
 * labels, lifecycle, connectivity, ..., resourceVersion), plus when things happened to it.
 */
public record DeviceView(String id, @JsonUnwrapped DeviceState state, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                         OffsetDateTime enrolledAt, OffsetDateTime decommissionedAt) {

    static DeviceView of(Device d, DeviceState state) {
        return new DeviceView(d.id.toString(), state, d.createdAt, d.updatedAt, d.enrolledAt, d.decommissionedAt);
    }
}
