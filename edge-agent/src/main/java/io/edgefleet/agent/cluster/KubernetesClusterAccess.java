package io.edgefleet.agent.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.events.telemetry.TelemetryBatch;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The local cluster through the Kubernetes API (fabric8 client). */
public class KubernetesClusterAccess implements ClusterAccess {

    static final String FIELD_MANAGER = "edgefleet-agent";
    private static final String ROLE_PREFIX = "node-role.kubernetes.io/";

    private final KubernetesClient client;
    private final String clusterName;
    private final MachineNodes machineNodes;
    private final FluxResources flux;

    /** @param machineNodes which of the cluster's nodes are this machine's */
    public KubernetesClusterAccess(KubernetesClient client, String clusterName, MachineNodes machineNodes) {
        this.client = client;
        this.clusterName = clusterName;
        this.machineNodes = machineNodes;
        this.flux = new FluxResources(client, FIELD_MANAGER);
    }

    /** Throws {@link ClusterUnreachableException} naming the API server when it does not answer. */
    @Override
    public ClusterInventory inventory() {
        try {
            return read();
        } catch (KubernetesClientException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new ClusterUnreachableException("the Kubernetes API at " + client.getMasterUrl() + " did not answer: "
                    + (root == e ? e.getMessage() : root.toString()), e);
        }
    }

    private ClusterInventory read() {
        List<ClusterInventory.Node> all = client.nodes().list().getItems().stream().map(KubernetesClusterAccess::node).toList();
        List<ClusterInventory.Node> nodes = machineNodes.of(all);
        String version = all.stream().map(ClusterInventory.Node::kubeletVersion).filter(v -> v != null).findFirst().orElse(null);
        Map<String, Long> pods = client.pods().inAnyNamespace().list().getItems().stream()
                .collect(Collectors.groupingBy(p -> p.getMetadata().getNamespace(), Collectors.counting()));
        List<ClusterInventory.Namespace> namespaces = client.namespaces().list().getItems().stream()
                .map(ns -> new ClusterInventory.Namespace(ns.getMetadata().getName(),
                        pods.getOrDefault(ns.getMetadata().getName(), 0L).intValue()))
                .toList();
        String distribution = ClusterInventory.distributionOf(version);
        return new ClusterInventory(new ClusterInventory.Cluster(clusterName, distribution, version,
                ClusterSetup.cni(distribution, client), ClusterSetup.loadBalancer(client), ClusterSetup.storageDrivers(client)),
                nodes, namespaces);
    }

    @Override
    public List<String> apply(String manifests, String namespace) {
        return parse(manifests).stream().map(object -> {
            var resource = namespace == null ? client.resource(object) : client.resource(object).inNamespace(namespace);
            try {
                return describe(resource.fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply());
            } catch (KubernetesClientException e) {
                // API servers without server-side apply (and the test server) answer 404 for new objects.
                if (e.getCode() != 404) {
                    throw e;
                }
                return describe(resource.create());
            }
        }).toList();
    }

    @Override
    public List<String> delete(String manifests, String namespace) {
        return parse(manifests).stream().filter(object -> {
            var resource = namespace == null ? client.resource(object) : client.resource(object).inNamespace(namespace);
            return !resource.delete().isEmpty();
        }).map(KubernetesClusterAccess::describe).toList();
    }

    @Override
    public FluxState flux() {
        return flux.state();
    }

    @Override
    public void applyFlux(List<ObjectNode> objects) {
        flux.apply(objects);
    }

    @Override
    public void deleteFlux(List<FluxState.FluxObject> objects) {
        flux.delete(objects);
    }

    @Override
    public Diagnostics diagnostics(Duration since) {
        Map<String, Map<String, String>> unhealthy = new LinkedHashMap<>();
        for (Node node : client.nodes().list().getItems()) {
            Map<String, String> bad = conditions(node).entrySet().stream()
                    .filter(c -> c.getKey().equals("Ready") != c.getValue().equals("True"))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            if (!bad.isEmpty()) {
                unhealthy.put(node.getMetadata().getName(), bad);
            }
        }
        Instant cutoff = Instant.now().minus(since);
        List<String> warnings = client.v1().events().inAnyNamespace().list().getItems().stream()
                .filter(e -> "Warning".equals(e.getType()) && recent(e, cutoff))
                .map(e -> e.getInvolvedObject().getKind() + "/" + e.getInvolvedObject().getName() + ": " + e.getMessage())
                .limit(50).toList();
        List<String> notRunning = client.pods().inAnyNamespace().list().getItems().stream()
                .filter(p -> p.getStatus() == null || !"Running".equals(p.getStatus().getPhase()) && !"Succeeded".equals(p.getStatus().getPhase()))
                .map(KubernetesClusterAccess::podPhase).limit(50).toList();
        return new Diagnostics(unhealthy, warnings, notRunning);
    }

    @Override
    public List<TelemetryBatch.Sample> telemetry(Instant now) {
        List<TelemetryBatch.Sample> samples = new ArrayList<>();
        List<Node> nodes = client.nodes().list().getItems();
        long ready = nodes.stream().filter(n -> "True".equals(conditions(n).get("Ready"))).count();
        samples.add(new TelemetryBatch.Sample("edgefleet_nodes_ready", Map.of(), now, ready));
        client.pods().inAnyNamespace().list().getItems().stream()
                .collect(Collectors.groupingBy(p -> p.getMetadata().getNamespace(), Collectors.counting()))
                .forEach((ns, count) -> samples.add(new TelemetryBatch.Sample("edgefleet_pods", Map.of("namespace", ns), now, count)));
        try {
            Map<String, Node> byName = nodes.stream().collect(Collectors.toMap(n -> n.getMetadata().getName(), n -> n));
            client.top().nodes().metrics().getItems().forEach(m -> {
                Node node = byName.get(m.getMetadata().getName());
                if (node != null && node.getStatus() != null && node.getStatus().getAllocatable() != null) {
                    String name = m.getMetadata().getName();
                    samples.add(ratio("node_cpu_usage_ratio", name, m.getUsage().get("cpu"), node.getStatus().getAllocatable().get("cpu"), now));
                    samples.add(ratio("node_memory_usage_ratio", name, m.getUsage().get("memory"),
                            node.getStatus().getAllocatable().get("memory"), now));
                }
            });
        } catch (KubernetesClientException noMetricsServer) {
            // Usage needs metrics-server; without it the counts above still go out.
        }
        return samples;
    }

    private static TelemetryBatch.Sample ratio(String metric, String node, Quantity used, Quantity available, Instant now) {
        double value = used == null || available == null ? 0 : Quantity.getAmountInBytes(used).doubleValue()
                / Math.max(1e-9, Quantity.getAmountInBytes(available).doubleValue());
        return new TelemetryBatch.Sample(metric, Map.of("node", node), now, value);
    }

    private List<HasMetadata> parse(String manifests) {
        return client.load(new ByteArrayInputStream(manifests.getBytes(StandardCharsets.UTF_8))).items();
    }

    private static ClusterInventory.Node node(Node n) {
        var info = n.getStatus() == null ? null : n.getStatus().getNodeInfo();
        String role = n.getMetadata().getLabels() == null ? null : n.getMetadata().getLabels().keySet().stream()
                .filter(k -> k.startsWith(ROLE_PREFIX)).map(k -> k.substring(ROLE_PREFIX.length())).sorted()
                .collect(Collectors.collectingAndThen(Collectors.joining(","), s -> s.isEmpty() ? "worker" : s));
        return new ClusterInventory.Node(n.getMetadata().getName(), role, info == null ? null : info.getOperatingSystem(),
                info == null ? null : info.getOsImage(), info == null ? null : info.getKubeletVersion(),
                info == null ? null : info.getContainerRuntimeVersion(), quantities(n.getStatus() == null ? null : n.getStatus().getCapacity()),
                quantities(n.getStatus() == null ? null : n.getStatus().getAllocatable()), conditions(n));
    }

    private static Map<String, String> conditions(Node n) {
        List<NodeCondition> conditions = n.getStatus() == null || n.getStatus().getConditions() == null ? List.of()
                : n.getStatus().getConditions();
        return conditions.stream().collect(Collectors.toMap(NodeCondition::getType, NodeCondition::getStatus, (a, b) -> b,
                LinkedHashMap::new));
    }

    private static Map<String, String> quantities(Map<String, Quantity> values) {
        return values == null ? Map.of() : values.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString()));
    }

    private static boolean recent(Event e, Instant cutoff) {
        String time = e.getLastTimestamp() != null ? e.getLastTimestamp() : e.getEventTime() == null ? null : e.getEventTime().getTime();
        return time == null || Instant.parse(time).isAfter(cutoff);
    }

    private static String podPhase(Pod p) {
        return p.getMetadata().getNamespace() + "/" + p.getMetadata().getName() + ": "
                + (p.getStatus() == null ? "Unknown" : p.getStatus().getPhase());
    }

    private static String describe(HasMetadata object) {
        String ns = object.getMetadata().getNamespace();
        return object.getKind() + "/" + (ns == null ? "" : ns + "/") + object.getMetadata().getName();
    }
}
