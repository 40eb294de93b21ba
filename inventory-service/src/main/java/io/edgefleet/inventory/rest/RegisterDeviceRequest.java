package io.edgefleet.inventory.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Pre-registration of a device by an operator: a name and labels; enrollment and the agent's
 * reports fill in the rest.
 */
public record RegisterDeviceRequest(
        @NotBlank @Size(max = 253)
        @Pattern(regexp = "[a-z0-9]([-a-z0-9.]*[a-z0-9])?", message = "must be a DNS-1123 name: lower-case alphanumerics, '-' and '.'")
        String name,
        Map<String, String> labels) {
}
