package io.edgefleet.policy.engine;

import io.edgefleet.events.inventory.ClusterInventoryChanged;
import io.edgefleet.events.inventory.DeviceState;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a device rule reads, built from the inventory projection: {@code device} (the machine:
 * labels, reported labels, connectivity, host OS, hardware, its node allocations, network, agent
 * and Kubernetes versions, and {@code nodes}, the cluster nodes this machine hosts) and
 * {@code cluster} (distribution, version, CNI, load balancer, storage, labels, machines, all its
 * nodes), empty when the machine is in no cluster. Field names are those of the inventory
 * events ({@code edgefleet.inventory.device.state.v1}, {@code …cluster.changed.v1}).
 */
public record DeviceDocument(Map<String, Object> device, Map<String, Object> cluster) {

    private static final Set<String> TIMESTAMPS = Set.of("lastSeenAt", "changedAt");

    public DeviceDocument {
        device = Map.copyOf(device);
        cluster = Map.copyOf(cluster);
    }

    /** The document of {@code state}'s device; {@code cluster} may be null (no cluster, or not yet known). */
    public static DeviceDocument of(DeviceState state, ClusterInventoryChanged cluster) {
        Map<String, Object> device = new java.util.LinkedHashMap<>(CelValues.mapOf(state, TIMESTAMPS));
        device.remove("resourceVersion");
        Map<String, Object> clusterDoc = CelValues.mapOf(cluster, TIMESTAMPS);
        device.put("nodes", ownNodes(state, clusterDoc));
        return new DeviceDocument(device, clusterDoc);
    }

    /**
     * A document from plain maps (a fixture, a what-if over hand-written input): values are made
     * CEL values, {@code lastSeenAt} and {@code changedAt} timestamps.
     */
    @SuppressWarnings("unchecked")
    public static DeviceDocument fromMaps(Map<String, Object> device, Map<String, Object> cluster) {
        return new DeviceDocument((Map<String, Object>) CelValues.normalize(device == null ? Map.of() : device, TIMESTAMPS),
                (Map<String, Object>) CelValues.normalize(cluster == null ? Map.of() : cluster, TIMESTAMPS));
    }

    /** The cluster's nodes that run on this machine (a node names the device hosting it). */
    private static List<Object> ownNodes(DeviceState state, Map<String, Object> cluster) {
        if (!(cluster.get("nodes") instanceof List<?> nodes)) {
            return List.of();
        }
        return nodes.stream().filter(node -> node instanceof Map<?, ?> map
                && (state.deviceId() != null && state.deviceId().equals(map.get("deviceId"))
                    || state.identityId() != null && state.identityId().equals(map.get("deviceId"))))
                .map(Object.class::cast).toList();
    }
}
