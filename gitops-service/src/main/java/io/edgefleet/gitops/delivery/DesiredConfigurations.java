package io.edgefleet.gitops.delivery;

import io.edgefleet.gitops.configuration.ConfigurationSpec;
import java.util.List;
import java.util.UUID;

/**
 * What one machine's agent is to hold on its cluster: level-triggered desired state, fetched on
 * every connect and when told it changed. Only the applying machine gets configurations; the
 * others learn that another machine applies them and leave the cluster's Flux objects be.
 *
 * @param fingerprint changes whenever anything here changes (also the answer's ETag)
 * @param clusterId inventory's cluster id, or the device id of a machine in no cluster
 * @param applies whether this machine applies the cluster's configurations
 */
public record DesiredConfigurations(String fingerprint, UUID clusterId, boolean applies,
                                    List<DeliveredConfiguration> configurations) {

    /**
     * One configuration as the agent writes it into Flux objects: the kustomizations' substitutions
     * resolved for this cluster, the source's credentials opened.
     *
     * @param missingLabels label keys a substitution needs that the cluster's machine lacks; the
     *                      agent applies nothing of this configuration and reports it non-compliant
     */
    public record DeliveredConfiguration(UUID id, String name, String resourceVersion, String scope, String namespace,
                                         boolean suspend, ConfigurationSpec.Source source,
                                         List<ConfigurationSpec.Kustomization> kustomizations, List<String> missingLabels) {
    }
}
