package io.edgefleet.events.updates;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Map;

/**
 * Data of {@code edgefleet.updates.rollout.changed.v1} on {@code fleet.updates.events}: something
 * happened to a rollout as a whole. Key and subject = rollout id, so one rollout's events stay ordered.
 *
 * @param change what happened: {@code started}, {@code scheduled}, {@code wave-started}, {@code wave-completed},
 *               {@code paused}, {@code resumed}, {@code approved}, {@code completed}, {@code cancelled},
 *               {@code failed}, {@code rolling-back}, {@code rolled-back}
 * @param phase the rollout's phase after it
 * @param wave the wave it concerns (0 = the canary), else the current wave
 * @param reason why, for a pause (e.g. the failure threshold was passed) or a failure; else null
 * @param counts units per state after the change (pending, waiting-for-window, dispatched, …)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RolloutChanged(String rolloutId, String name, String change, String phase, Integer wave, String reason,
                             Map<String, Integer> counts, Instant changedAt) {
}
