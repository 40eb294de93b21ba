package io.edgefleet.inventory.rest;

import io.edgefleet.inventory.domain.Cluster;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A cluster as the API shows it, with its machines (device ids). */
public record ClusterView(String id, String name, String distribution, String kubernetesVersion, String cni,
                          String loadBalancer, List<String> storageDrivers, int maxNodes, Map<String, String> labels,
                          List<String> machines, OffsetDateTime createdAt, OffsetDateTime updatedAt, String resourceVersion) {

    static ClusterView of(Cluster c, List<String> machines) {
        return new ClusterView(c.id.toString(), c.name, c.distribution, c.kubernetesVersion, c.cni, c.loadBalancer,
                c.storageDrivers, c.maxNodes, c.labels, machines, c.createdAt, c.updatedAt, Long.toString(c.version));
    }
}
