package io.edgefleet.events.provisioning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * Data of {@code edgefleet.provisioning.device.revoked.v1}: every service must refuse this
 * device's credentials from now on.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceRevoked(String deviceId, String revokedBy, String reason, Instant revokedAt) {
}
