package io.edgefleet.gitops.delivery;

import io.edgefleet.gitops.configuration.ConfigurationSpec;
import io.edgefleet.projection.read.ProjectedDocuments.Document;
import io.edgefleet.projection.read.ScopeMatcher;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A cluster as GitOps sees it: its machines and the one whose agent applies the cluster's
 * configurations — connected before offline, a control-plane machine before a worker, then the
 * lowest id, so every machine computes the same choice. A machine in no cluster is a cluster of
 * one, keyed by its device id.
 */
public record TargetCluster(UUID clusterId, List<Document> machines, Document applier) {

    private static final Comparator<Document> PREFERENCE = Comparator
            .comparing((Document d) -> !"connected".equals(d.state().connectivity()))
            .thenComparing(d -> !"control-plane".equals(d.state().clusterRole()))
            .thenComparing(Document::deviceId);

    static TargetCluster of(Document device, List<Document> clusterMachines) {
        List<Document> machines = clusterMachines.isEmpty() ? List.of(device) : clusterMachines;
        UUID key = device.state().clusterId() == null ? device.deviceId() : UUID.fromString(device.state().clusterId());
        return new TargetCluster(key, machines, machines.stream().filter(m -> m.state().identityId() != null)
                .min(PREFERENCE).orElse(machines.get(0)));
    }

    /** A group or a selector targets the cluster when it covers any of its machines; clusters by id name it. */
    boolean targetedBy(ConfigurationSpec.Target target, ScopeMatcher scope) {
        if (target.clusters() != null) {
            return target.clusters().contains(clusterId);
        }
        return machines.stream().anyMatch(m -> scope.covers(target.group(), target.labelSelector(), m.deviceId(), labels(m)));
    }

    boolean appliedBy(UUID deviceId) {
        return applier.deviceId().equals(deviceId);
    }

    /**
     * The labels substitutions read: the applying machine's, over what its agent reports of itself
     * (a {@code site} given at install time serves until an operator sets one).
     */
    Map<String, String> labels() {
        Map<String, String> values = new HashMap<>();
        if (applier.state().reportedLabels() != null) {
            values.putAll(applier.state().reportedLabels());
        }
        values.putAll(labels(applier));
        return values;
    }

    private static Map<String, String> labels(Document machine) {
        return machine.state().labels() == null ? Map.of() : machine.state().labels();
    }
}
