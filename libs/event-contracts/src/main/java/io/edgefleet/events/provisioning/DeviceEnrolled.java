package io.edgefleet.events.provisioning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Map;

/**
 * Data of {@code edgefleet.provisioning.device.enrolled.v1}: a device has an identity.
 * Inventory creates the device from it, or links the pre-registered one named {@code hostname}.
 *
 * @param labels labels from the enrollment token, to apply to the device
 * @param group the group the enrollment token targets, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceEnrolled(String deviceId, String enrollmentId, DeviceFacts facts, Map<String, String> labels,
                             String group, Instant enrolledAt) {
}
