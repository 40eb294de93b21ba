package io.edgefleet.inventory.service;

import java.util.List;
import java.util.Map;

/** An operator's description of a cluster; null fields take defaults (create) or stay unchanged (patch). */
public record ClusterSpec(String name, String distribution, String kubernetesVersion, String cni, String loadBalancer,
                          List<String> storageDrivers, Integer maxNodes, Map<String, String> labels) {
}
