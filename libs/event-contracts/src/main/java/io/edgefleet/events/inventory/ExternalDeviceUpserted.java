package io.edgefleet.events.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.edgefleet.events.provisioning.DeviceFacts;
import java.util.Map;

/**
 * Data of {@code edgefleet.external.device.upserted.v1} on {@code fleet.external.devices}: another
 * system (a CMDB, say) pre-registers or updates a device, matched by {@code externalId} within the
 * organization named by the CloudEvent's {@code orgid}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExternalDeviceUpserted(String externalId, String name, Map<String, String> labels, String hostOs,
                                     String hostOsVersion, DeviceFacts.Hardware hardware, NodeAllocation linuxNode,
                                     NodeAllocation windowsNode, NetworkConfig network) {
}
