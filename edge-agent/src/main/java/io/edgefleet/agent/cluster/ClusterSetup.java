package io.edgefleet.agent.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a cluster was set up with, read from what runs in it: the CNI and load balancer from
 * kube-system's daemon sets and deployments, storage drivers from the storage classes'
 * provisioners. k3s embeds Flannel in its own process, so a k3s cluster without another CNI's
 * pods runs Flannel. Unknown stays null: inventory shows nothing rather than a guess.
 */
final class ClusterSetup {

    private static final Map<String, String> STORAGE = Map.of("rancher.io/local-path", "local-pv",
            "kubernetes.io/no-provisioner", "local-pv", "smb.csi.k8s.io", "smb", "nfs.csi.k8s.io", "nfs",
            "esa.arc.azure.com", "acsa", "cns.csi.arc.azure.com", "acsa");

    private ClusterSetup() {
    }

    static String cni(String distribution, KubernetesClient client) {
        List<String> names = systemWorkloads(client);
        if (names.stream().anyMatch(n -> n.contains("calico"))) {
            return "calico";
        }
        if (names.stream().anyMatch(n -> n.contains("flannel")) || "k3s".equals(distribution)) {
            return "flannel";
        }
        return null;
    }

    static String loadBalancer(KubernetesClient client) {
        return systemWorkloads(client).stream().anyMatch(n -> n.contains("kube-vip")) ? "kubevip" : null;
    }

    static List<String> storageDrivers(KubernetesClient client) {
        try {
            return client.storage().v1().storageClasses().list().getItems().stream()
                    .map(c -> STORAGE.get(c.getProvisioner())).filter(d -> d != null).distinct().sorted().toList();
        } catch (KubernetesClientException notAllowed) {
            return List.of();
        }
    }

    private static List<String> systemWorkloads(KubernetesClient client) {
        try {
            return Stream.concat(client.apps().daemonSets().inNamespace("kube-system").list().getItems().stream(),
                            client.apps().deployments().inNamespace("kube-system").list().getItems().stream())
                    .map(HasMetadata::getMetadata).map(m -> m.getName().toLowerCase(Locale.ROOT)).toList();
        } catch (KubernetesClientException notAllowed) {
            return List.of();
        }
    }
}
