package io.edgefleet.projection;

import java.util.UUID;

/**
 * Told, in the projection's own transaction, when a device's or a cluster's projected state
 * changed: a service keeps what it derives from the projection (policy's compliance) in step
 * with it, atomically. A listener that throws fails the record, which is retried and then
 * dead-lettered like any other.
 */
public interface ProjectionListener {

    default void deviceChanged(String orgId, UUID deviceId) {
    }

    default void clusterChanged(String orgId, UUID clusterId) {
    }
}
