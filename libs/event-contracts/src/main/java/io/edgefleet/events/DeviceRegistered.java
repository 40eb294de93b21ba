package io.edgefleet.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Map;

/**
 * Data of {@code edgefleet.inventory.device.registered.v1}: a device now exists in inventory.
 * Carries the whole registered state so consumers keep projections without calling back.
 *
 * @param deviceId inventory id of the device (also the event subject and Kafka key)
 * @param name operator-facing device name, unique within the organization
 * @param labels Kubernetes-style labels
 * @param registeredAt when inventory stored it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceRegistered(String deviceId, String name, Map<String, String> labels, Instant registeredAt) {
}
