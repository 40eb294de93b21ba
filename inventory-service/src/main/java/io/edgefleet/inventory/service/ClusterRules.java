package io.edgefleet.inventory.service;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.text.Choices;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cluster constraints: k8s or k3s (never mixed), Calico with k8s and Flannel with k3s, KubeVIP
 * or bring-your-own load balancer, storage from local PV, SMB, NFS and ACSA.
 */
public final class ClusterRules {

    public static final Map<String, String> CNI_OF = Map.of("k8s", "calico", "k3s", "flannel");
    private static final Choices LOAD_BALANCERS = Choices.of("kubevip", "byo");
    private static final Choices STORAGE = Choices.of("local-pv", "smb", "nfs", "acsa");
    private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+\\.\\d+(\\+k3s\\d+)?");

    private ClusterRules() {
    }

    public static void check(String distribution, String version, String cni, String loadBalancer,
                             List<String> storageDrivers, int maxNodes) {
        if (!CNI_OF.containsKey(distribution)) {
            throw FleetException.unprocessable("distribution", "must be k8s or k3s");
        }
        if (!CNI_OF.get(distribution).equals(cni)) {
            throw FleetException.unprocessable("cni", distribution + " clusters use " + CNI_OF.get(distribution));
        }
        if (version != null) {
            checkVersion(distribution, version);
        }
        if (!LOAD_BALANCERS.accepts(loadBalancer)) {
            throw FleetException.unprocessable("loadBalancer", "must be kubevip or byo");
        }
        for (String driver : storageDrivers == null ? List.<String>of() : storageDrivers) {
            if (!STORAGE.accepts(driver)) {
                throw FleetException.unprocessable("storageDrivers", "'" + driver + "' is not one of local-pv, smb, nfs, acsa");
            }
        }
        if (maxNodes < 1 || maxNodes > 100) {
            throw FleetException.unprocessable("maxNodes", "must be 1 to 100");
        }
    }

    public static void checkVersion(String distribution, String version) {
        if (!VERSION.matcher(version).matches()) {
            throw FleetException.unprocessable("kubernetesVersion", "must look like v1.30.4 (k8s) or v1.30.4+k3s1 (k3s)");
        }
        if (!distributionOf(version).equals(distribution)) {
            throw FleetException.unprocessable("kubernetesVersion", "a " + distribution + " cluster cannot run " + version
                    + ": k8s and k3s are never mixed");
        }
    }

    /** k3s versions carry a {@code +k3s} suffix; everything else is k8s. */
    public static String distributionOf(String version) {
        return version.contains("+k3s") ? "k3s" : "k8s";
    }
}
