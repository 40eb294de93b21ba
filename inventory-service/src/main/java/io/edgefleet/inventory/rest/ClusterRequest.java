package io.edgefleet.inventory.rest;

import io.edgefleet.core.limits.Limits;
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
        @Size(max = Limits.NAME) @Pattern(regexp = DeviceNames.DNS_1123, message = DeviceNames.MESSAGE) String name,
        @Size(max = Limits.SHORT_TEXT) String distribution, @Size(max = Limits.SHORT_TEXT) String kubernetesVersion,
        @Size(max = Limits.SHORT_TEXT) String cni, @Size(max = Limits.SHORT_TEXT) String loadBalancer,
        @Size(max = Limits.LIST_ITEMS) List<@Size(max = Limits.SHORT_TEXT) String> storageDrivers,
        Integer maxNodes, @Size(max = Limits.LABELS) Map<@Size(max = Limits.LABEL_KEY) String, @Size(max = Limits.LABEL_VALUE) String> labels) {

    ClusterSpec toSpec() {
        return new ClusterSpec(name, distribution, kubernetesVersion, cni, loadBalancer, storageDrivers, maxNodes, labels);
    }
}
