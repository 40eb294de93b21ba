package io.edgefleet.inventory.rest;

import io.edgefleet.events.inventory.NetworkConfig;
import io.edgefleet.events.inventory.NodeAllocation;
import io.edgefleet.events.provisioning.DeviceFacts;
import io.edgefleet.inventory.service.DeviceSpec;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A merge patch of a device: absent fields stay; in {@code labels}, a null value removes the
 * label. {@code resourceVersion}, when given, must be the current one (409 otherwise).
 */
public record PatchDeviceRequest(
        @Size(max = 253) @Pattern(regexp = DeviceNames.DNS_1123, message = DeviceNames.MESSAGE) String name,
        @Size(max = 200) String externalId,
        Map<String, String> labels,
        String hostOs,
        String hostOsVersion,
        DeviceFacts.Hardware hardware,
        NodeAllocation linuxNode,
        NodeAllocation windowsNode,
        NetworkConfig network,
        String resourceVersion) {

    DeviceSpec toSpec() {
        return new DeviceSpec(name, externalId, null, hostOs, hostOsVersion, hardware, linuxNode, windowsNode, network);
    }
}
