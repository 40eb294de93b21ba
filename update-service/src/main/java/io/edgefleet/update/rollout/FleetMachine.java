package io.edgefleet.update.rollout;

import io.edgefleet.projection.read.ProjectedDocuments;
import io.edgefleet.update.release.DeviceVersions;
import java.util.Map;
import java.util.UUID;

/**
 * What planning needs of one projected machine, small enough to hold a whole fleet's in memory.
 *
 * @param identityId provisioning's id, null while not enrolled (no command can reach it)
 * @param clusterId null outside a multi-machine cluster's inventory
 */
record FleetMachine(UUID deviceId, UUID identityId, UUID clusterId, boolean controlPlane, Map<String, String> labels,
                    String timeZone, DeviceVersions versions) {

    static FleetMachine of(ProjectedDocuments.Document document) {
        var state = document.state();
        return new FleetMachine(document.deviceId(), state.identityId() == null ? null : UUID.fromString(state.identityId()),
                state.clusterId() == null ? null : UUID.fromString(state.clusterId()), "control-plane".equals(state.clusterRole()),
                state.labels() == null ? Map.of() : state.labels(), state.timeZone(), DeviceVersions.of(document));
    }
}
