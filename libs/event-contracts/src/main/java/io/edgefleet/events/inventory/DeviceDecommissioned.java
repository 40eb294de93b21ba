package io.edgefleet.events.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** Data of {@code edgefleet.inventory.device.decommissioned.v1}: the device leaves the fleet; refuse commands to it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceDecommissioned(String deviceId, String identityId, String decommissionedBy, Instant decommissionedAt) {
}
