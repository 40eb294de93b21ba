package io.edgefleet.agent.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.events.telemetry.TelemetryBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One machine of a {@link SimulatedCluster}, as its agent sees it: its own Linux node
 * ({@code <host>-ledge}) and, in that shape, its Windows node ({@code <host>-wedge}), each with
 * the product's static allocations. A few hundred bytes, so one JVM holds thousands.
 */
public class SimulatedMachine implements ClusterAccess {

    private final SimulatedCluster cluster;
    private final String host;
    private final boolean firstMachine;
    private final boolean windowsNode;
    private final Random noise;
    private volatile String version;
    private volatile String osImage = "CBL-Mariner/Linux 2.0.20241001";
    private volatile double load = 0.3;

    public SimulatedMachine(SimulatedCluster cluster, String host, boolean firstMachine, Random random) {
        this.cluster = cluster;
        this.host = host;
        this.firstMachine = firstMachine;
        this.windowsNode = cluster.shape() == SimulatedCluster.Shape.K8S_LINUX_AND_WINDOWS;
        this.version = cluster.initialVersion();
        this.noise = new Random(random.nextLong());
    }

    public String host() {
        return host;
    }

    public SimulatedCluster cluster() {
        return cluster;
    }

    @Override
    public ClusterInventory inventory() {
        List<ClusterInventory.Node> nodes = new ArrayList<>();
        nodes.add(new ClusterInventory.Node(host + "-ledge", firstMachine ? "control-plane" : "worker", "linux", osImage,
                version, "containerd://1.7.20", Map.of("cpu", "4", "memory", "8Gi", "ephemeral-storage", "100Gi"),
                Map.of("cpu", "3800m", "memory", "7Gi"), Map.of("Ready", "True")));
        if (windowsNode) {
            nodes.add(new ClusterInventory.Node(host + "-wedge", "worker", "windows", "Windows Server 2022 Datacenter",
                    version, "containerd://1.7.20", Map.of("cpu", "2", "memory", "4Gi", "ephemeral-storage", "50Gi"),
                    Map.of("cpu", "1800m", "memory", "3Gi"), Map.of("Ready", "True")));
        }
        boolean k3s = "k3s".equals(cluster.distribution());
        return new ClusterInventory(new ClusterInventory.Cluster(cluster.name(), cluster.distribution(), version,
                k3s ? "flannel" : "calico", cluster.shape() == SimulatedCluster.Shape.K8S_MULTI_MACHINE ? "kubevip" : null,
                List.of("local-pv")), nodes, List.of(new ClusterInventory.Namespace("kube-system", 6 + nodes.size()),
                new ClusterInventory.Namespace("default", cluster.objectCount())));
    }

    @Override
    public List<String> apply(String manifests, String namespace) {
        return cluster.apply(manifests, namespace);
    }

    @Override
    public List<String> delete(String manifests, String namespace) {
        return cluster.delete(manifests, namespace);
    }

    @Override
    public FluxState flux() {
        return cluster.flux().state();
    }

    @Override
    public void applyFlux(List<ObjectNode> objects) {
        cluster.flux().apply(objects);
    }

    @Override
    public void deleteFlux(List<FluxState.FluxObject> objects) {
        cluster.flux().delete(objects);
    }

    @Override
    public Diagnostics diagnostics(Duration since) {
        return new Diagnostics(new LinkedHashMap<>(), List.of(), List.of());
    }

    @Override
    public List<TelemetryBatch.Sample> telemetry(Instant now) {
        List<TelemetryBatch.Sample> samples = new ArrayList<>();
        List<ClusterInventory.Node> nodes = inventory().nodes();
        for (ClusterInventory.Node node : nodes) {
            load = Math.min(0.95, Math.max(0.05, load + (noise.nextDouble() - 0.5) * 0.1));
            samples.add(new TelemetryBatch.Sample("node_cpu_usage_ratio", Map.of("node", node.name()), now, load));
            samples.add(new TelemetryBatch.Sample("node_memory_usage_ratio", Map.of("node", node.name()), now, 0.3 + load / 2));
            samples.add(new TelemetryBatch.Sample("node_disk_usage_ratio", Map.of("node", node.name()), now, 0.4));
        }
        samples.add(new TelemetryBatch.Sample("edgefleet_nodes_ready", Map.of(), now, nodes.size()));
        samples.add(new TelemetryBatch.Sample("edgefleet_pods", Map.of("namespace", "default"), now, cluster.objectCount()));
        return samples;
    }

    /** What the simulated upgrade hook does: this machine's nodes now run {@code target}. */
    public void upgradeTo(String target) {
        version = target;
    }

    public void updateOsImage(String image) {
        osImage = image;
    }
}
