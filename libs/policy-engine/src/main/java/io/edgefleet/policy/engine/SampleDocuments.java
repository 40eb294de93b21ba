package io.edgefleet.policy.engine;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The largest input a rule meets in this fleet (a machine of a cluster at its 15-node limit, 64
 * labels each, a command with 100 containers): a rule is tried on it when it is compiled, by
 * steps and iterations, so one that would be stopped on a real device is refused up front instead.
 */
final class SampleDocuments {

    static final int NODES = 15;
    private static final int LABELS = 64;
    private static final int CONTAINERS = 100;
    private static final Instant SAMPLE_TIME = Instant.parse("2026-01-01T00:00:00Z");

    private SampleDocuments() {
    }

    static PolicyInput largest(RuleSource source) {
        List<Object> nodes = IntStream.range(0, NODES).mapToObj(SampleDocuments::node).map(Object.class::cast).toList();
        Map<String, Object> device = new LinkedHashMap<>();
        device.put("deviceId", "device-0");
        device.put("name", "edge-0");
        device.put("labels", labels("label"));
        device.put("reportedLabels", labels("reported"));
        device.put("connectivity", "connected");
        device.put("lastSeenAt", SAMPLE_TIME);
        device.put("hardware", Map.of("cpuCores", 16L, "memoryMb", 65536L, "storageGb", 1024L));
        device.put("linuxNode", Map.of("vcpus", 8L, "memoryMb", 16384L, "storageGb", 200L));
        device.put("windowsNode", Map.of("vcpus", 4L, "memoryMb", 8192L, "storageGb", 100L));
        device.put("network", Map.of("staticIp", "192.168.1.10", "gateway", "192.168.1.1", "dns", List.of("192.168.1.1")));
        device.put("distribution", "k8s");
        device.put("kubernetesVersion", "v1.30.4");
        device.put("agentVersion", "1.0.0");
        device.put("nodes", nodes.subList(0, 2));
        Map<String, Object> cluster = Map.of("clusterId", "cluster-0", "name", "cluster-0", "distribution", "k8s",
                "kubernetesVersion", "v1.30.4", "cni", "calico", "labels", labels("cluster"),
                "machines", IntStream.range(0, NODES).mapToObj(i -> (Object) ("device-" + i)).toList(), "nodes", nodes);
        PolicyInput input = PolicyInput.of(new DeviceDocument(device, cluster), source.sampleParams(), SAMPLE_TIME);
        return source.kind() == RuleKind.ADMISSION ? input.with(AdmissionRequest.command("apply-manifests",
                Map.of("manifests", manifests()))) : input;
    }

    private static Map<String, Object> node(int i) {
        return Map.of("name", "edge-" + i + "-ledge", "deviceId", "device-" + i, "role", i == 0 ? "control-plane" : "worker",
                "os", "linux", "kubeletVersion", "v1.30.4", "capacity", Map.of("cpu", "8", "memory", "16Gi"),
                "allocatable", Map.of("cpu", "8", "memory", "15Gi"), "conditions", Map.of("Ready", "True"));
    }

    private static Map<String, Object> labels(String prefix) {
        Map<String, Object> labels = new LinkedHashMap<>();
        IntStream.range(0, LABELS).forEach(i -> labels.put(prefix + "-" + i, "value-" + i));
        return labels;
    }

    private static String manifests() {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < CONTAINERS / 5; i++) {
            yaml.append("---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app-").append(i)
                    .append("}\nspec:\n  template:\n    spec:\n      volumes: [{name: data, emptyDir: {}}]\n      containers:\n");
            for (int c = 0; c < 5; c++) {
                yaml.append("      - {name: c").append(c).append(", image: 'registry.example/app:").append(i)
                        .append("', securityContext: {privileged: false}}\n");
            }
        }
        return yaml.toString();
    }
}
