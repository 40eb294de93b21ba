package io.edgefleet.agent.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The local cluster as inventory-service expects an agent's {@code kind: inventory} report:
 * {@code {cluster: {name, distribution, kubernetesVersion, cni, loadBalancer, storageDrivers},
 * nodes: [...], namespaces: [...]}}. {@code nodes} are this machine's own (its Linux node and
 * optional Windows node): in a multi-machine cluster every machine reports its own.
 */
public record ClusterInventory(Cluster cluster, List<Node> nodes, List<Namespace> namespaces) {

    /**
     * The cluster's name, distribution (k8s or k3s, from the version string), version, and what
     * it was set up with, as far as the cluster shows it (left out where it does not: the report's
     * schema has no nulls, and one unknown fact must not cost the whole report).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cluster(String name, String distribution, String kubernetesVersion, String cni, String loadBalancer,
                          List<String> storageDrivers) {
    }

    /** One node, as the Kubernetes API describes it; what it does not describe is left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Node(String name, String role, String os, String osImage, String kubeletVersion,
                       String containerRuntime, Map<String, String> capacity, Map<String, String> allocatable,
                       Map<String, String> conditions) {
    }

    /** A namespace and how many pods run in it. */
    public record Namespace(String name, int pods) {
    }

    /** k3s versions carry {@code +k3s} (e.g. {@code v1.30.4+k3s1}); everything else is k8s. */
    public static String distributionOf(String kubeletVersion) {
        return kubeletVersion != null && kubeletVersion.contains("+k3s") ? "k3s" : "k8s";
    }
}
