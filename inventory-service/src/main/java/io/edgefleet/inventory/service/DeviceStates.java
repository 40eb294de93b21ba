package io.edgefleet.inventory.service;

import io.edgefleet.events.inventory.DeviceState;
import io.edgefleet.inventory.domain.Cluster;
import io.edgefleet.inventory.domain.Device;
import io.edgefleet.inventory.repository.ClusterRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/** A device's full state as events (and the REST view) carry it, including its cluster's distribution. */
@ApplicationScoped
public class DeviceStates {

    private final ClusterRepository clusters;

    public DeviceStates(ClusterRepository clusters) {
        this.clusters = clusters;
    }

    public DeviceState of(Device d) {
        Optional<Cluster> cluster = d.clusterId == null ? Optional.empty() : clusters.findByIdOptional(d.clusterId);
        return new DeviceState(d.id.toString(), str(d.identityId), d.externalId, d.name, Map.copyOf(d.labels),
                Map.copyOf(d.reportedLabels), d.timeZone, d.lifecycle.wireName(), d.connectivity.wireName(), d.lastSeenAt == null ? null : d.lastSeenAt.toInstant(),
                d.hostOs, d.hostOsVersion, d.hardware, d.linuxNode, d.windowsNode, d.network, d.agentVersion,
                str(d.clusterId), cluster.map(c -> c.distribution).orElse(null),
                cluster.map(c -> c.kubernetesVersion).orElse(null), d.version);
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
