package io.edgefleet.inventory.service;

import io.edgefleet.events.inventory.NetworkConfig;
import io.edgefleet.events.inventory.NodeAllocation;
import io.edgefleet.events.provisioning.DeviceFacts;
import java.util.Map;

/**
 * The operator-settable description of a device; null fields are unknown (or, in a patch, unchanged).
 *
 * @param timeZone the machine's IANA time zone, when the operator sets it (its agent reports it too)
 */
public record DeviceSpec(String name, String externalId, Map<String, String> labels, String hostOs, String hostOsVersion,
                         DeviceFacts.Hardware hardware, NodeAllocation linuxNode, NodeAllocation windowsNode,
                         NetworkConfig network, String timeZone) {
}
