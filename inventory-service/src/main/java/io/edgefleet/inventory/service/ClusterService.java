package io.edgefleet.inventory.service;

import io.edgefleet.core.concurrency.Versions;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.labels.Labels;
import io.edgefleet.events.EventType;
import io.edgefleet.events.inventory.ClusterInventoryChanged;
import io.edgefleet.inventory.config.InventoryConfig;
import io.edgefleet.inventory.domain.Cluster;
import io.edgefleet.inventory.domain.ClusterNode;
import io.edgefleet.inventory.domain.Device;
import io.edgefleet.inventory.repository.ClusterNodeRepository;
import io.edgefleet.inventory.repository.ClusterRepository;
import io.edgefleet.inventory.repository.DeviceRepository;
import io.edgefleet.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Clusters and their machines; every change publishes the cluster's whole state. */
@ApplicationScoped
public class ClusterService {

    private final ClusterRepository clusters;
    private final ClusterNodeRepository nodes;
    private final DeviceRepository devices;
    private final DeviceChanges deviceChanges;
    private final Outbox outbox;
    private final InventoryConfig config;
    private final Clock clock;

    public ClusterService(ClusterRepository clusters, ClusterNodeRepository nodes, DeviceRepository devices,
                          DeviceChanges deviceChanges, Outbox outbox, InventoryConfig config, Clock clock) {
        this.clusters = clusters;
        this.nodes = nodes;
        this.devices = devices;
        this.deviceChanges = deviceChanges;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public Cluster create(String orgId, ClusterSpec spec) {
        if (clusters.findByName(orgId, spec.name()).isPresent()) {
            throw new FleetException(InventoryErrorCode.CLUSTER_NAME_TAKEN, "a cluster named '" + spec.name() + "' exists");
        }
        if (spec.distribution() == null || !ClusterRules.CNI_OF.containsKey(spec.distribution())) {
            throw FleetException.unprocessable("distribution", "must be k8s or k3s");
        }
        Cluster cluster = new Cluster();
        cluster.id = UUID.randomUUID();
        cluster.orgId = orgId;
        cluster.name = spec.name();
        cluster.distribution = spec.distribution();
        cluster.createdAt = OffsetDateTime.now(clock);
        cluster.updatedAt = cluster.createdAt;
        describe(cluster, spec);
        clusters.persistAndFlush(cluster);
        published(cluster);
        return cluster;
    }

    /** Changes a cluster; its distribution never changes (k8s and k3s are never switched). */
    @Transactional
    public Cluster patch(String orgId, UUID id, ClusterSpec spec, Optional<Long> ifMatch) {
        Cluster cluster = get(orgId, id);
        Versions.require(ifMatch, cluster.version, "cluster " + id);
        if (spec.distribution() != null && !spec.distribution().equals(cluster.distribution)) {
            throw FleetException.unprocessable("distribution", "a cluster never switches between k8s and k3s");
        }
        describe(cluster, spec);
        published(cluster);
        return cluster;
    }

    @Transactional
    public void delete(String orgId, UUID id) {
        Cluster cluster = get(orgId, id);
        if (!devices.inCluster(id).isEmpty()) {
            throw new FleetException(InventoryErrorCode.CLUSTER_NOT_EMPTY, "detach the cluster's machines first");
        }
        clusters.delete(cluster);
    }

    /** Makes {@code deviceId} one of the cluster's machines, if its nodes fit. */
    @Transactional
    public Cluster attach(String orgId, UUID clusterId, UUID deviceId, String actor) {
        Cluster cluster = get(orgId, clusterId);
        Device device = devices.findInOrg(orgId, deviceId).orElseThrow(() -> new FleetException(
                InventoryErrorCode.DEVICE_NOT_FOUND, "no device " + deviceId));
        DeviceService.refuseDecommissioned(device);
        long planned = devices.inCluster(clusterId).stream().filter(d -> !d.id.equals(deviceId))
                .mapToLong(ClusterService::nodesOf).sum();
        if (Math.max(planned, nodes.countInCluster(clusterId)) + nodesOf(device) > cluster.maxNodes) {
            throw FleetException.unprocessable("maxNodes", "cluster " + cluster.name + " allows " + cluster.maxNodes + " nodes");
        }
        deviceChanges.apply(device, actor, d -> d.clusterId = clusterId);
        published(cluster);
        return cluster;
    }

    @Transactional
    public Cluster detach(String orgId, UUID clusterId, UUID deviceId, String actor) {
        Cluster cluster = get(orgId, clusterId);
        devices.findInOrg(orgId, deviceId).filter(d -> clusterId.equals(d.clusterId)).ifPresent(device -> {
            nodes.delete("deviceId", deviceId);
            deviceChanges.apply(device, actor, d -> d.clusterId = null);
        });
        published(cluster);
        return cluster;
    }

    public Cluster get(String orgId, UUID id) {
        return clusters.findInOrg(orgId, id).orElseThrow(
                () -> new FleetException(InventoryErrorCode.CLUSTER_NOT_FOUND, "no cluster " + id));
    }

    /** Publishes the cluster's whole state (after a change by an operator or a report). */
    public void published(Cluster cluster) {
        cluster.updatedAt = OffsetDateTime.now(clock);
        List<ClusterInventoryChanged.Node> reported = nodes.ofCluster(cluster.id).stream().map(ClusterService::node).toList();
        List<String> machines = devices.inCluster(cluster.id).stream().map(d -> d.id.toString()).toList();
        outbox.record(EventType.CLUSTER_INVENTORY_CHANGED, cluster.orgId, cluster.id.toString(),
                new ClusterInventoryChanged(cluster.id.toString(), cluster.name, cluster.distribution,
                        cluster.kubernetesVersion, cluster.cni, cluster.loadBalancer, List.copyOf(cluster.storageDrivers),
                        cluster.labels, machines, reported, cluster.updatedAt.toInstant()));
    }

    private void describe(Cluster c, ClusterSpec spec) {
        c.kubernetesVersion = spec.kubernetesVersion() != null ? spec.kubernetesVersion() : c.kubernetesVersion;
        c.cni = spec.cni() != null ? spec.cni() : c.cni != null ? c.cni : ClusterRules.CNI_OF.get(c.distribution);
        c.loadBalancer = spec.loadBalancer() != null ? spec.loadBalancer() : c.loadBalancer != null ? c.loadBalancer : "kubevip";
        c.storageDrivers = spec.storageDrivers() != null ? List.copyOf(spec.storageDrivers())
                : c.storageDrivers != null && !c.storageDrivers.isEmpty() ? c.storageDrivers : List.of("local-pv");
        c.maxNodes = spec.maxNodes() != null ? spec.maxNodes() : c.maxNodes > 0 ? c.maxNodes : config.maxClusterNodes();
        if (spec.labels() != null) {
            Labels.validate("labels", spec.labels());
            c.labels = new HashMap<>(spec.labels());
        }
        ClusterRules.check(c.distribution, c.kubernetesVersion, c.cni, c.loadBalancer, c.storageDrivers, c.maxNodes);
    }

    /** A machine hosts one Linux node, plus a Windows node when it allocates one. */
    private static long nodesOf(Device device) {
        return device.windowsNode == null ? 1 : 2;
    }

    private static ClusterInventoryChanged.Node node(ClusterNode n) {
        return new ClusterInventoryChanged.Node(n.name, n.deviceId.toString(), n.role, n.os, n.osImage, n.kubeletVersion,
                n.containerRuntime, n.capacity, n.allocatable, n.conditions);
    }
}
