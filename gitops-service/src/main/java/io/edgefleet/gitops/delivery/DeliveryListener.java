package io.edgefleet.gitops.delivery;

import io.edgefleet.projection.ProjectionListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** A device's labels, connectivity or cluster can change which configurations it holds, or which machine applies them. */
@ApplicationScoped
public class DeliveryListener implements ProjectionListener {

    private final DeliveryQueue queue;

    public DeliveryListener(DeliveryQueue queue) {
        this.queue = queue;
    }

    @Override
    public void deviceChanged(String orgId, UUID deviceId) {
        queue.markClusterOf(orgId, deviceId);
    }

    @Override
    public void clusterChanged(String orgId, UUID clusterId) {
        queue.markCluster(orgId, clusterId);
    }
}
