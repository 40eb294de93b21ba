package io.edgefleet.inventory.rest;

import io.edgefleet.core.limits.Limits;
import io.edgefleet.events.inventory.NetworkConfig;
import io.edgefleet.events.inventory.NodeAllocation;
import io.edgefleet.events.provisioning.DeviceFacts;
import io.edgefleet.inventory.service.DeviceSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A merge patch of a device: absent fields stay; in {@code labels}, a null value removes the
 * label. {@code resourceVersion}, when given, must be the current one (409 otherwise).
 */
public record PatchDeviceRequest(
        @Size(max = Limits.NAME) @Pattern(regexp = DeviceNames.DNS_1123, message = DeviceNames.MESSAGE) String name,
        @Size(max = Limits.EXTERNAL_ID) String externalId,
        @Size(max = Limits.LABELS) Map<@Size(max = Limits.LABEL_KEY) String, @Size(max = Limits.LABEL_VALUE) String> labels,
        @Size(max = Limits.SHORT_TEXT) String hostOs,
        @Size(max = Limits.SHORT_TEXT) String hostOsVersion,
        DeviceFacts.Hardware hardware,
        NodeAllocation linuxNode,
        NodeAllocation windowsNode,
        @Valid NetworkConfig network,
        @Schema(description = "The machine's IANA time zone (Europe/Berlin): maintenance windows may follow it")
        @Size(max = Limits.SHORT_TEXT) String timeZone,
        @Size(max = Limits.SHORT_TEXT) String resourceVersion) {

    DeviceSpec toSpec() {
        return new DeviceSpec(name, externalId, null, hostOs, hostOsVersion, hardware, linuxNode, windowsNode, network, timeZone);
    }
}
