package io.edgefleet.agent.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The client of the machine's own cluster. It fails fast: the client's own retries (ten, with
 * backoff, by default) would hold a call for minutes against an unreachable API server, where
 * the agent would rather say so and retry on its own logged schedule.
 */
public final class LocalCluster {

    /** Where k3s writes its kubeconfig on a Linux host. */
    static final Path K3S_KUBECONFIG = Path.of("/etc/rancher/k3s/k3s.yaml");

    private LocalCluster() {
    }

    /**
     * The kubeconfig to use, on disk under {@code root}: the given host path, k3s's on a host
     * running k3s, else null (the client's default: ~/.kube/config or in-cluster).
     */
    static Path kubeconfig(Path root, String given) {
        if (given != null) {
            return HostLayout.under(root, given);
        }
        Path k3s = HostLayout.under(root, K3S_KUBECONFIG.toString());
        return Files.isReadable(k3s) ? k3s : null;
    }

    public static KubernetesClient client(Path kubeconfig) throws IOException {
        Config base = kubeconfig == null ? Config.autoConfigure(null) : Config.fromKubeconfig(Files.readString(kubeconfig));
        Config config = new ConfigBuilder(base).withRequestRetryBackoffLimit(0).withConnectionTimeout(5_000)
                .withRequestTimeout(15_000).build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    static String describe(Path kubeconfig) {
        return kubeconfig == null ? "the default kubeconfig (~/.kube/config or in-cluster)" : kubeconfig.toString();
    }
}
