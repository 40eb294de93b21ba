package io.edgefleet.provisioning.rest;

import io.edgefleet.core.limits.Limits;
import io.edgefleet.events.provisioning.DeviceFacts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an agent presents to enroll: the enrollment token's secret, a public key generated on
 * the device (SPKI PEM) and its facts.
 */
public record EnrollRequest(@NotBlank @Size(max = Limits.CREDENTIAL) String token,
                            @NotBlank @Size(max = Limits.CREDENTIAL) String publicKey, @NotNull @Valid DeviceFacts facts) {
}
