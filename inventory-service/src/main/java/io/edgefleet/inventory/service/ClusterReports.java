package io.edgefleet.inventory.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.inventory.domain.Cluster;
import io.edgefleet.inventory.domain.ClusterNode;
import io.edgefleet.inventory.domain.Device;
import io.edgefleet.inventory.repository.ClusterNodeRepository;
import io.edgefleet.inventory.repository.ClusterRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Applies an agent's inventory report: the cluster its machine belongs to (created on first
 * report) and the nodes it hosts. The report format is the agent's {@code kind: inventory}
 * report: {@code {cluster: {name, kubernetesVersion}, nodes: [...], agentVersion}}, from protocol 1.1
 * with the machine's part ({@link MachineReports}).
 */
@ApplicationScoped
public class ClusterReports {

    static final String ACTOR = "agent:inventory-report";

    private final ClusterRepository clusters;
    private final ClusterNodeRepository nodes;
    private final ClusterService clusterService;
    private final DeviceChanges changes;
    private final MachineReports machines;
    private final ObjectMapper json;
    private final Clock clock;

    public ClusterReports(ClusterRepository clusters, ClusterNodeRepository nodes, ClusterService clusterService,
                          DeviceChanges changes, MachineReports machines, ObjectMapper json, Clock clock) {
        this.clusters = clusters;
        this.machines = machines;
        this.nodes = nodes;
        this.clusterService = clusterService;
        this.changes = changes;
        this.json = json;
        this.clock = clock;
    }

    /** Must run in a transaction; a report contradicting the cluster's distribution is refused (422). */
    public void apply(Device device, JsonNode report) {
        String version = text(report.path("cluster"), "kubernetesVersion");
        if (version == null) {
            throw FleetException.unprocessable("cluster.kubernetesVersion", "an inventory report names the cluster's version");
        }
        String distribution = ClusterRules.distributionOf(version);
        var machine = machines.read(report);
        String name = Objects.requireNonNullElse(text(report.path("cluster"), "name"), device.name);
        Cluster cluster = clusters.findByName(device.orgId, name)
                .orElseGet(() -> clusterService.create(device.orgId, new ClusterSpec(name, distribution, version,
                        null, null, null, null, Map.of())));
        if (!cluster.distribution.equals(distribution)) {
            throw FleetException.unprocessable("cluster", "cluster " + name + " runs " + cluster.distribution
                    + "; a machine reporting " + version + " cannot join it: k8s and k3s are never mixed");
        }
        replaceNodes(cluster, device, report.path("nodes"));
        // The version moves inside the device's change, so its history and resourceVersion show it.
        changes.apply(device, ACTOR, d -> {
            cluster.kubernetesVersion = version;
            d.clusterId = cluster.id;
            d.agentVersion = Objects.requireNonNullElse(text(report, "agentVersion"), d.agentVersion);
            machine.accept(d);
        });
        clusterService.published(cluster);
    }

    private void replaceNodes(Cluster cluster, Device device, JsonNode reported) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, ClusterNode> current = nodes.ofDevice(device.id).stream()
                .collect(Collectors.toMap(n -> n.name, n -> n));
        Map<String, JsonNode> byName = new java.util.LinkedHashMap<>();
        for (JsonNode r : reported.isArray() ? reported : json.createArrayNode()) {
            String nodeName = text(r, "name");
            if (nodeName != null) {
                byName.putIfAbsent(nodeName, r);
            }
        }
        takeOver(cluster, device, current, byName.keySet());
        byName.forEach((nodeName, r) -> {
            ClusterNode node = current.computeIfAbsent(nodeName, n -> newNode(cluster, device, n));
            node.clusterId = cluster.id;
            node.role = text(r, "role");
            node.os = text(r, "os");
            node.osImage = text(r, "osImage");
            node.kubeletVersion = text(r, "kubeletVersion");
            node.containerRuntime = text(r, "containerRuntime");
            node.capacity = strings(r.path("capacity"));
            node.allocatable = strings(r.path("allocatable"));
            node.conditions = strings(r.path("conditions"));
            node.reportedAt = now;
            nodes.persist(node);
        });
        List<ClusterNode> gone = current.values().stream().filter(n -> !byName.containsKey(n.name)).toList();
        gone.forEach(nodes::delete);
    }

    /**
     * A node name is unique in a cluster, so a node another machine reported before now belongs to
     * the machine reporting it (a machine reinstalled under a new identity): it moves over instead
     * of clashing, and this machine's own row of that name from another cluster goes.
     */
    private void takeOver(Cluster cluster, Device device, Map<String, ClusterNode> current, java.util.Set<String> names) {
        for (ClusterNode held : nodes.named(cluster.id, names)) {
            if (held.deviceId.equals(device.id)) {
                continue;
            }
            ClusterNode own = current.remove(held.name);
            if (own != null) {
                nodes.delete(own);
                nodes.flush();
            }
            held.deviceId = device.id;
            current.put(held.name, held);
        }
    }

    private static ClusterNode newNode(Cluster cluster, Device device, String name) {
        ClusterNode node = new ClusterNode();
        node.id = UUID.randomUUID();
        node.clusterId = cluster.id;
        node.deviceId = device.id;
        node.name = name;
        return node;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new HashMap<>();
        object.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
