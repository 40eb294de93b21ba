package io.edgefleet.events.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Data of {@code edgefleet.inventory.device.updated.v1}: the device's new state and which fields changed. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceUpdated(DeviceState device, List<String> changedFields, String changedBy) {
}
