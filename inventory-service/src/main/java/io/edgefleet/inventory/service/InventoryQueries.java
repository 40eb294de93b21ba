package io.edgefleet.inventory.service;

import io.edgefleet.core.labels.LabelSelector;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.inventory.domain.Cluster;
import io.edgefleet.inventory.domain.ClusterNode;
import io.edgefleet.inventory.domain.Device;
import io.edgefleet.inventory.domain.DeviceChange;
import io.edgefleet.inventory.domain.DeviceGroup;
import io.edgefleet.inventory.repository.ClusterNodeRepository;
import io.edgefleet.inventory.repository.ClusterRepository;
import io.edgefleet.inventory.repository.DeviceFilter;
import io.edgefleet.inventory.repository.DeviceGroupRepository;
import io.edgefleet.inventory.repository.DeviceHistoryRepository;
import io.edgefleet.inventory.repository.DeviceRepository;
import io.edgefleet.projection.read.DeviceScopes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The read side of inventory's REST lists: one query per page (plus at most one for a page's
 * related rows), never one per row. Each page asks for one row more than it shows, so the caller
 * knows whether a next page exists.
 */
@ApplicationScoped
public class InventoryQueries {

    private final DeviceRepository devices;
    private final DeviceGroupRepository groups;
    private final ClusterRepository clusters;
    private final ClusterNodeRepository nodes;
    private final DeviceHistoryRepository history;
    private final DeviceService deviceService;
    private final ClusterService clusterService;

    public InventoryQueries(DeviceRepository devices, DeviceGroupRepository groups, ClusterRepository clusters,
                            ClusterNodeRepository nodes, DeviceHistoryRepository history, DeviceService deviceService,
                            ClusterService clusterService) {
        this.devices = devices;
        this.groups = groups;
        this.clusters = clusters;
        this.nodes = nodes;
        this.history = history;
        this.deviceService = deviceService;
        this.clusterService = clusterService;
    }

    /** A page of the devices matching the filter within {@code scope} (the caller's devices). */
    public List<Device> devices(DeviceFilter filter, DeviceScopes.Scope scope, Keyset<Device> page) {
        return devices.page(filter, scope, page);
    }

    public List<DeviceGroup> groups(String orgId, Keyset<DeviceGroup> page) {
        return groups.page(orgId, page);
    }

    public List<Cluster> clusters(String orgId, LabelSelector selector, Optional<String> distribution, Keyset<Cluster> page) {
        return clusters.page(orgId, selector, distribution, page);
    }

    /** The device ids of each cluster's machines, for a page of clusters. */
    public Map<UUID, List<String>> machinesOf(List<Cluster> page) {
        return devices.inClusters(page.stream().map(c -> c.id).toList()).stream()
                .collect(Collectors.groupingBy(d -> d.clusterId, Collectors.mapping(d -> d.id.toString(), Collectors.toList())));
    }

    /** A device's history, oldest first; 404 for a device outside the organization. */
    public List<DeviceChange> history(String orgId, UUID deviceId, Optional<Long> after, int fetch) {
        deviceService.get(orgId, deviceId);
        return history.page(orgId, deviceId, after, fetch);
    }

    public List<ClusterNode> nodesOfDevice(String orgId, UUID deviceId) {
        return nodes.ofDevice(deviceService.get(orgId, deviceId).id);
    }

    public List<ClusterNode> nodesOfCluster(String orgId, UUID clusterId) {
        return nodes.ofCluster(clusterService.get(orgId, clusterId).id);
    }
}
