package io.edgefleet.update.rollout;

import java.util.List;
import java.util.UUID;

/**
 * One unit of a rollout as stored.
 *
 * @param unit {@code cluster/<id>} or {@code device/<id>}
 * @param timeZone the zone its window is read in when the window follows each device's own
 */
public record Unit(UUID rolloutId, String unit, int wave, String state, String reason, List<UUID> machines,
                   String timeZone, List<Step> steps, int step, int attempts) {

    public static String clusterKey(UUID clusterId) {
        return "cluster/" + clusterId;
    }

    public static String deviceKey(UUID deviceId) {
        return "device/" + deviceId;
    }

    public Step currentStep() {
        return steps.get(step);
    }

    public boolean hasNextStep() {
        return step + 1 < steps.size();
    }
}
