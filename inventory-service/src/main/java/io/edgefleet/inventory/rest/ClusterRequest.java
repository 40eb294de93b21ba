package io.edgefleet.inventory.rest;

import io.edgefleet.inventory.service.ClusterSpec;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A cluster as operators describe it. On create, {@code name} and {@code distribution} are
 * required and the rest default (CNI by distribution, KubeVIP, local PV, 15 nodes); on patch,
 * absent fields stay.
 */
public record ClusterRequest(
        @Size(max = 253) @Pattern(regexp = DeviceNames.DNS_1123, message = DeviceNames.MESSAGE) String name,
        String distribution, String kubernetesVersion, String cni, String loadBalancer, List<String> storageDrivers,
        Integer maxNodes, Map<String, String> labels) {

    ClusterSpec toSpec() {
        return new ClusterSpec(name, distribution, kubernetesVersion, cni, loadBalancer, storageDrivers, maxNodes, labels);
    }
}
