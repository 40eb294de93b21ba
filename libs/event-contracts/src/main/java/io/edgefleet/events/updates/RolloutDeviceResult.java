package io.edgefleet.events.updates;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * Data of {@code edgefleet.updates.device.result.v1} on {@code fleet.updates.events}: one unit of a
 * rollout (a machine, or a whole cluster for a cluster-wide change) finished. Key = rollout id.
 *
 * @param unit {@code cluster/<id>} or {@code device/<id>}
 * @param deviceIds inventory's ids of the unit's machines
 * @param state succeeded, failed or skipped
 * @param reason why it failed or was skipped (e.g. {@code denied by policy …}, {@code offline past the deadline})
 * @param version for a release rollout, the version the unit reached
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RolloutDeviceResult(String rolloutId, String unit, List<String> deviceIds, int wave, String state,
                                  String reason, String version, int attempts, Instant finishedAt) {
}
