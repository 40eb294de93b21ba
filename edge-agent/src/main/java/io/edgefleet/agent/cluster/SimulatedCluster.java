package io.edgefleet.agent.cluster;

import io.edgefleet.events.telemetry.TelemetryBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cluster kept in memory for the simulator: a few hundred bytes per device so one JVM holds
 * thousands. Profiles mirror the edge product: one k3s node; a Linux and a Windows k8s node; or
 * a multi-node k8s cluster of up to 15 nodes.
 */
public class SimulatedCluster implements ClusterAccess {

    /** The shapes of simulated clusters. */
    public enum Profile { SINGLE_NODE_K3S, LINUX_WINDOWS_K8S, MULTI_NODE_K8S }

    private final String name;
    private final Profile profile;
    private final int nodeCount;
    private volatile String version;
    private volatile String osImage = "CBL-Mariner/Linux 2.0.20241001";
    private final Map<String, String> objects = new ConcurrentHashMap<>();
    private final Random noise;
    private volatile double load = 0.3;

    public SimulatedCluster(String name, Profile profile, Random random) {
        this.name = name;
        this.profile = profile;
        this.version = profile == Profile.SINGLE_NODE_K3S ? "v1.30.4+k3s1" : "v1.30.4";
        this.noise = new Random(random.nextLong());
        this.nodeCount = profile == Profile.MULTI_NODE_K8S ? 3 + random.nextInt(13) : profile == Profile.LINUX_WINDOWS_K8S ? 2 : 1;
    }

    @Override
    public ClusterInventory inventory() {
        List<ClusterInventory.Node> nodes = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            boolean windows = profile == Profile.LINUX_WINDOWS_K8S && i == 1;
            nodes.add(new ClusterInventory.Node(name + (windows ? "-wedge" : "-ledge" + (i == 0 ? "" : "-" + i)),
                    i == 0 ? "control-plane" : "worker", windows ? "windows" : "linux",
                    windows ? "Windows Server 2022 Datacenter" : osImage, version, "containerd://1.7.20",
                    Map.of("cpu", "4", "memory", "8Gi"), Map.of("cpu", "3800m", "memory", "7Gi"), Map.of("Ready", "True")));
        }
        List<ClusterInventory.Namespace> namespaces = List.of(new ClusterInventory.Namespace("kube-system", 6 + nodeCount),
                new ClusterInventory.Namespace("default", objects.size()));
        return new ClusterInventory(new ClusterInventory.Cluster(name, ClusterInventory.distributionOf(version), version),
                nodes, namespaces);
    }

    @Override
    public List<String> apply(String manifests, String namespace) {
        List<String> applied = new ArrayList<>();
        for (String document : manifests.split("(?m)^---\\s*$")) {
            String kind = field(document, "kind");
            String objectName = field(document, "name");
            if (kind != null && objectName != null) {
                String key = kind + "/" + (namespace == null ? "default" : namespace) + "/" + objectName;
                objects.put(key, document);
                applied.add(key);
            }
        }
        return applied;
    }

    @Override
    public List<String> delete(String manifests, String namespace) {
        List<String> deleted = new ArrayList<>();
        for (String document : manifests.split("(?m)^---\\s*$")) {
            String key = field(document, "kind") + "/" + (namespace == null ? "default" : namespace) + "/" + field(document, "name");
            if (objects.remove(key) != null) {
                deleted.add(key);
            }
        }
        return deleted;
    }

    @Override
    public Diagnostics diagnostics(Duration since) {
        return new Diagnostics(new LinkedHashMap<>(), List.of(), List.of());
    }

    @Override
    public List<TelemetryBatch.Sample> telemetry(Instant now) {
        List<TelemetryBatch.Sample> samples = new ArrayList<>();
        for (ClusterInventory.Node node : inventory().nodes()) {
            load = Math.min(0.95, Math.max(0.05, load + (noise.nextDouble() - 0.5) * 0.1));
            samples.add(new TelemetryBatch.Sample("node_cpu_usage_ratio", Map.of("node", node.name()), now, load));
            samples.add(new TelemetryBatch.Sample("node_memory_usage_ratio", Map.of("node", node.name()), now, 0.3 + load / 2));
            samples.add(new TelemetryBatch.Sample("node_disk_usage_ratio", Map.of("node", node.name()), now, 0.4));
        }
        samples.add(new TelemetryBatch.Sample("edgefleet_nodes_ready", Map.of(), now, nodeCount));
        samples.add(new TelemetryBatch.Sample("edgefleet_pods", Map.of("namespace", "default"), now, objects.size()));
        return samples;
    }

    /** What the simulated upgrade hook does: the nodes now run {@code target}. */
    public void upgradeTo(String target) {
        version = target;
    }

    public void updateOsImage(String image) {
        osImage = image;
    }

    private static String field(String yaml, String key) {
        for (String line : yaml.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith(key + ":")) {
                return trimmed.substring(key.length() + 1).trim();
            }
        }
        return null;
    }
}
