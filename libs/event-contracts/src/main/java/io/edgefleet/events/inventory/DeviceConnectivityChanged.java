package io.edgefleet.events.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** Data of {@code edgefleet.inventory.device.connectivity-changed.v1}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceConnectivityChanged(String deviceId, String identityId, String connectivity, String previous,
                                        Instant lastSeenAt, Instant changedAt) {
}
