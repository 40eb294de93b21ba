package io.edgefleet.events.provisioning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** Data of {@code edgefleet.provisioning.credential.rotated.v1}: the device now holds a new key pair. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CredentialRotated(String deviceId, String keyFingerprint, Instant rotatedAt) {
}
