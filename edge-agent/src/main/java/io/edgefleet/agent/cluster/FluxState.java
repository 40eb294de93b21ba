package io.edgefleet.agent.cluster;

import java.util.List;

/**
 * The Flux objects the agent wrote for EdgeFleet's configurations, as the cluster holds them
 * (labelled {@value #CONFIGURATION_LABEL}, in {@value #NAMESPACE}), with the state Flux gave them.
 *
 * @param installed false when the cluster has no Flux CRDs: nothing can be applied
 */
public record FluxState(boolean installed, List<FluxObject> objects) {

    /** Where Flux's own objects live (and where the agent writes its). */
    public static final String NAMESPACE = "flux-system";
    /** Marks an object as the agent's, with the configuration's id: what is not assigned any more is removed. */
    public static final String CONFIGURATION_LABEL = "edgefleet.io/configuration";
    /** The configuration's version the object was written from. */
    public static final String VERSION_ANNOTATION = "edgefleet.io/resource-version";

    public static FluxState notInstalled() {
        return new FluxState(false, List.of());
    }

    public FluxState {
        objects = List.copyOf(objects);
    }

    /**
     * One object. For Kustomizations, its Ready condition as Flux wrote it.
     *
     * @param kind {@code GitRepository}, {@code OCIRepository}, {@code Kustomization} or {@code Secret}
     * @param ready {@code True}, {@code False}, {@code Unknown}, or null before Flux looked at it
     * @param revision {@code status.lastAppliedRevision}
     */
    public record FluxObject(String kind, String name, String configurationId, String resourceVersion,
                             String ready, String reason, String message, String revision) {
    }
}
