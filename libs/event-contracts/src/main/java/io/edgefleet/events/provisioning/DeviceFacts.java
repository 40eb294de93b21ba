package io.edgefleet.events.provisioning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.edgefleet.core.limits.Limits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
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
public record DeviceFacts(@Size(max = Limits.SHORT_TEXT) String hostname, @Size(max = Limits.SHORT_TEXT) String hostOs,
                          @Size(max = Limits.SHORT_TEXT) String hostOsVersion, Hardware hardware,
                          @Valid KubernetesFacts kubernetes, @Size(max = Limits.NODES) List<@Valid NodeFacts> nodes,
                          @Size(max = Limits.SHORT_TEXT) String agentVersion) {

    /** Physical resources of the host machine. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hardware(Integer cpuCores, Long memoryMb, Long storageGb) {
    }

    /** The local cluster's distribution ({@code k8s} or {@code k3s}) and Kubernetes version. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record KubernetesFacts(@Size(max = Limits.SHORT_TEXT) String distribution,
                                  @Size(max = Limits.SHORT_TEXT) String version) {
    }

    /** One node of the local cluster: role ({@code control-plane}, {@code worker}) and OS ({@code linux}, {@code windows}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NodeFacts(@Size(max = Limits.NAME) String name, @Size(max = Limits.SHORT_TEXT) String role,
                            @Size(max = Limits.SHORT_TEXT) String os) {
    }
}
