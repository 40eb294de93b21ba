package io.edgefleet.update.release;

import io.edgefleet.events.inventory.ClusterInventoryChanged;
import io.edgefleet.projection.read.ProjectedDocuments;
import java.util.Optional;

/**
 * What a machine runs, as inventory last reported it: its cluster's distribution and Kubernetes
 * version, the OS image of its Linux node, its agent's version. Any of them may be unknown (null).
 */
public record DeviceVersions(ReleaseKind distribution, ReleaseVersion kubernetes, ReleaseVersion osImage,
                             ReleaseVersion agent) {

    public static DeviceVersions of(ProjectedDocuments.Document document) {
        var state = document.state();
        var cluster = document.cluster();
        String distribution = state.distribution() != null ? state.distribution() : cluster == null ? null : cluster.distribution();
        ReleaseKind kind = ReleaseKind.ofDistribution(distribution).orElse(null);
        String kubernetes = state.kubernetesVersion() != null ? state.kubernetesVersion()
                : cluster == null ? null : cluster.kubernetesVersion();
        return new DeviceVersions(kind, kind == null ? null : ReleaseVersion.parse(kind, kubernetes).orElse(null),
                linuxImage(document).flatMap(image -> ReleaseVersion.parse(ReleaseKind.OS_IMAGE, image)).orElse(null),
                ReleaseVersion.parse(ReleaseKind.AGENT, state.agentVersion()).orElse(null));
    }

    /** The version this machine runs of {@code kind}'s line, or null. */
    public ReleaseVersion current(ReleaseKind kind) {
        return switch (kind) {
            case KUBERNETES, K3S -> kind == distribution ? kubernetes : null;
            case OS_IMAGE -> osImage;
            case AGENT -> agent;
        };
    }

    private static Optional<String> linuxImage(ProjectedDocuments.Document document) {
        ClusterInventoryChanged cluster = document.cluster();
        if (cluster == null || cluster.nodes() == null) {
            return Optional.empty();
        }
        String id = document.deviceId().toString();
        return cluster.nodes().stream().filter(n -> id.equals(n.deviceId()) && "linux".equals(n.os()) && n.osImage() != null)
                .map(ClusterInventoryChanged.Node::osImage).findFirst();
    }
}
