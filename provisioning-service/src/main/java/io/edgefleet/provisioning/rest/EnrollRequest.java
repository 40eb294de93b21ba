package io.edgefleet.provisioning.rest;

import io.edgefleet.events.provisioning.DeviceFacts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * What an agent presents to enroll: the enrollment token's secret, a public key generated on
 * the device (SPKI PEM) and its facts.
 */
public record EnrollRequest(@NotBlank String token, @NotBlank String publicKey, @NotNull @Valid DeviceFacts facts) {
}
