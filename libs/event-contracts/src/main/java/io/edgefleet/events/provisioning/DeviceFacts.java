package io.edgefleet.events.provisioning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What an agent reports about its machine when it enrolls.
 *
 * @param hostname the Windows host's name
 * @param hostOs e.g. {@code Windows 11 IoT Enterprise}, {@code Windows Server 2022}
 * @param hostOsVersion the host OS build
 * @param hardware physical resources of the host
 * @param kubernetes distribution and version of the local cluster
 * @param nodes the cluster's nodes on this machine (one Linux node, optionally one Windows node)
 * @param agentVersion version of the edge agent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceFacts(String hostname, String hostOs, String hostOsVersion, Hardware hardware,
                          KubernetesFacts kubernetes, List<NodeFacts> nodes, String agentVersion) {

    /** Physical resources of the host machine. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hardware(Integer cpuCores, Long memoryMb, Long storageGb) {
    }

    /** The local cluster's distribution ({@code k8s} or {@code k3s}) and Kubernetes version. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record KubernetesFacts(String distribution, String version) {
    }

    /** One node of the local cluster: role ({@code control-plane}, {@code worker}) and OS ({@code linux}, {@code windows}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NodeFacts(String name, String role, String os) {
    }
}
