package io.edgefleet.inventory.rest;

import io.edgefleet.core.concurrency.Versions;
import io.edgefleet.events.inventory.DeviceState;
import io.edgefleet.events.inventory.NetworkConfig;
import io.edgefleet.events.inventory.NodeAllocation;
import io.edgefleet.events.provisioning.DeviceFacts;
import io.edgefleet.inventory.domain.Device;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A device as the REST API shows it. Owned by the API, not the event record: the state events
 * carry (so both say the same) plus when things happened, one {@code id}, and
 * {@code resourceVersion} as a string, as every versioned resource has it.
 *
 * @param identityId provisioning's device id, once enrolled (commands and reports use it)
 * @param reportedLabels labels the device's agent reports about it (read-only here; operators set {@code labels})
 * @param timeZone the machine's IANA time zone as its agent reports it
 * @param clusterRole {@code control-plane} when one of the machine's nodes is, else {@code worker}
 */
public record DeviceView(String id, String identityId, String externalId, String name, Map<String, String> labels,
                         Map<String, String> reportedLabels, String timeZone, String lifecycle, String connectivity, Instant lastSeenAt, String hostOs, String hostOsVersion,
                         DeviceFacts.Hardware hardware, NodeAllocation linuxNode, NodeAllocation windowsNode,
                         NetworkConfig network, String agentVersion, String clusterId, String clusterRole, String distribution,
                         String kubernetesVersion, String resourceVersion, OffsetDateTime createdAt,
                         OffsetDateTime updatedAt, OffsetDateTime enrolledAt, OffsetDateTime decommissionedAt) {

    static DeviceView of(Device d, DeviceState s) {
        return new DeviceView(d.id.toString(), s.identityId(), s.externalId(), s.name(), s.labels(), s.reportedLabels(),
                s.timeZone(), s.lifecycle(),
                s.connectivity(), s.lastSeenAt(), s.hostOs(), s.hostOsVersion(), s.hardware(), s.linuxNode(), s.windowsNode(),
                s.network(), s.agentVersion(), s.clusterId(), s.clusterRole(), s.distribution(), s.kubernetesVersion(),
                Versions.text(s.resourceVersion()), d.createdAt, d.updatedAt, d.enrolledAt, d.decommissionedAt);
    }
}
