package io.edgefleet.update.rollout;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.core.limits.Limits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an operator writes to roll a change out: which devices, what change, in which waves, when.
 *
 * @param target the devices: a group or a label selector
 * @param release the release to install (its kind says the command), or
 * @param command any command with its payload, and the command that undoes it
 * @param waves in order, the first being the canary; units no wave takes join the last. None: one wave of everything
 * @param window when devices may be changed; none: any time
 * @param gates what must hold, after a wave's soak, before the next wave starts (or the rollout completes)
 * @param continuous after the last wave, devices that start matching the target keep joining (standing configuration)
 * @param startAt when {@code start} was asked early, the rollout waits {@code scheduled} until then
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RolloutSpec(@Size(max = Limits.NAME) String name, @Size(max = Limits.TEXT) String description,
                          @Valid Target target, UUID release, @Valid CommandChange command, @Size(max = Limits.ROLLOUT_WAVES) List<@Valid Wave> waves,
                          @Valid Strategy strategy, @Valid DevicePolicy devices, @Valid Window window, @Valid Gates gates, Boolean continuous,
                          OffsetDateTime startAt) {

    /** A group, or a label selector such as {@code site=berlin}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Target(UUID group, @Size(max = Limits.TEXT) String labelSelector) {
    }

    /**
     * @param rollback the command a rollback sends to every unit the rollout reached (e.g. {@code delete-manifests}
     *                 for {@code apply-manifests}); without it the rollout cannot be rolled back
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CommandChange(@Size(max = Limits.SHORT_TEXT) String type,
                                @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                                        maxProperties = 16) JsonNode payload, @Valid RollbackCommand rollback) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RollbackCommand(@Size(max = Limits.SHORT_TEXT) String type,
                                  @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                                          maxProperties = 16) JsonNode payload) {
    }

    /**
     * One wave: a number of units, a percentage of all, or the units matching a selector (one of them).
     *
     * @param approval the wave waits for {@code POST …/approve} before it starts
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Wave(Integer count, Integer percentage, @Size(max = Limits.TEXT) String selector, Boolean approval) {
    }

    /**
     * @param concurrency units of a wave in flight at once; 0 or none: no limit
     * @param soakSeconds wait after a wave succeeded before the next starts
     * @param successThreshold percent of a wave's units that must succeed for it to complete (default 90)
     * @param failureThreshold percent of a wave's units that may fail before the rollout pauses (default 10)
     * @param dispatchesPerSecond pacing, so a registry or an uplink is not flooded; 0 or none: as fast as the engine goes
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Strategy(Integer concurrency, Integer soakSeconds, Integer successThreshold, Integer failureThreshold,
                           Integer dispatchesPerSecond) {
    }

    /**
     * @param attempts commands one unit's step gets at most (the first and its retries; default 2)
     * @param retryBackoffSeconds wait before the first retry, doubled for each further one (default 30)
     * @param continueOnFailure false: any failed unit pauses the rollout (default true: thresholds decide)
     * @param offlineDeadlineSeconds a device offline longer than this when its turn comes is skipped; none: it waits
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DevicePolicy(Integer attempts, Integer retryBackoffSeconds, Boolean continueOnFailure,
                               Integer offlineDeadlineSeconds) {
    }

    /**
     * Conditions on the devices a wave changed, read from the events policy and telemetry publish.
     *
     * @param assignments policy assignments (by name) every changed device must be compliant with (or exempt from)
     * @param alertSeverities no alert of these severities may be firing on a changed device
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Gates(@Size(max = Limits.ROLLOUT_GATES) List<@Size(max = Limits.NAME) String> assignments,
                        @Size(max = Limits.ROLLOUT_GATES) List<@Size(max = Limits.SHORT_TEXT) String>
                                alertSeverities) {
    }

    /**
     * A recurring maintenance window.
     *
     * @param schedule when it opens: a 5-field cron expression ({@code 0 2 * * 1-5}: 02:00 on weekdays)
     * @param durationMinutes how long it stays open
     * @param timeZone an IANA zone ({@code Europe/Berlin}), or {@code device}: each device's own time zone (UTC if unknown)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Window(@Size(max = Limits.SHORT_TEXT) String schedule, Integer durationMinutes,
                         @Size(max = Limits.SHORT_TEXT) String timeZone) {
    }
}
