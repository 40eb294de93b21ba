package io.edgefleet.inventory.service;

import io.edgefleet.events.inventory.DeviceState;
import io.edgefleet.inventory.domain.Cluster;
import io.edgefleet.inventory.domain.Device;
import io.edgefleet.inventory.repository.ClusterNodeRepository;
import io.edgefleet.inventory.repository.ClusterRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/** A device's full state as events (and the REST view) carry it, including its cluster's distribution. */
@ApplicationScoped
public class DeviceStates {

    private final ClusterRepository clusters;
    private final ClusterNodeRepository nodes;

    public DeviceStates(ClusterRepository clusters, ClusterNodeRepository nodes) {
        this.clusters = clusters;
        this.nodes = nodes;
    }

    public DeviceState of(Device d) {
        Optional<Cluster> cluster = d.clusterId == null ? Optional.empty() : clusters.findByIdOptional(d.clusterId);
        return new DeviceState(d.id.toString(), str(d.identityId), d.externalId, d.name, Map.copyOf(d.labels),
                Map.copyOf(d.reportedLabels), d.timeZone, d.lifecycle.wireName(), d.connectivity.wireName(), d.lastSeenAt == null ? null : d.lastSeenAt.toInstant(),
                d.hostOs, d.hostOsVersion, d.hardware, d.linuxNode, d.windowsNode, d.network, d.agentVersion,
                str(d.clusterId), clusterRole(d), cluster.map(c -> c.distribution).orElse(null),
                cluster.map(c -> c.kubernetesVersion).orElse(null), d.version);
    }

    /** Control-plane when one of the machine's nodes is: cluster commands go to such a machine first. */
    private String clusterRole(Device d) {
        if (d.clusterId == null) {
            return null;
        }
        return nodes.ofDevice(d.id).stream().anyMatch(n -> n.role != null && n.role.contains("control-plane"))
                ? "control-plane" : "worker";
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
