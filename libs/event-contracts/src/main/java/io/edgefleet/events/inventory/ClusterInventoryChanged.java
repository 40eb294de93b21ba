package io.edgefleet.events.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Data of {@code edgefleet.inventory.cluster.changed.v1}: a cluster's whole state. Key = cluster id. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClusterInventoryChanged(String clusterId, String name, String distribution, String kubernetesVersion,
                                      String cni, String loadBalancer, List<String> storageDrivers,
                                      Map<String, String> labels, List<String> machines, List<Node> nodes,
                                      Instant changedAt) {

    /** One node as last reported by the agent of the machine hosting it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Node(String name, String deviceId, String role, String os, String osImage, String kubeletVersion,
                       String containerRuntime, Map<String, String> capacity, Map<String, String> allocatable,
                       Map<String, String> conditions) {
    }
}
