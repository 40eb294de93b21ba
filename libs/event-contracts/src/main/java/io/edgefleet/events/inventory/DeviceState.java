package io.edgefleet.events.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.edgefleet.events.provisioning.DeviceFacts;
import java.time.Instant;
import java.util.Map;

/**
 * A device's whole inventory state, as carried by inventory events so that consumers keep
 * projections without calling inventory back.
 *
 * @param identityId provisioning's device id, once enrolled (commands and reports use it)
 * @param reportedLabels labels the device reports about itself, kept apart from {@code labels} (operators')
 * @param timeZone the machine's IANA time zone as its agent reports it
 * @param lifecycle registered, enrolled or decommissioned
 * @param connectivity connected, offline or credential-expired
 * @param clusterRole {@code control-plane} when one of the machine's nodes is, else {@code worker}; null outside a cluster
 * @param distribution k8s or k3s of the device's cluster, when known
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceState(String deviceId, String identityId, String externalId, String name, Map<String, String> labels,
                          Map<String, String> reportedLabels, String timeZone, String lifecycle, String connectivity, Instant lastSeenAt, String hostOs, String hostOsVersion,
                          DeviceFacts.Hardware hardware, NodeAllocation linuxNode, NodeAllocation windowsNode,
                          NetworkConfig network, String agentVersion, String clusterId, String clusterRole, String distribution,
                          String kubernetesVersion, long resourceVersion) {
}
