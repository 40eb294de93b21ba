package io.edgefleet.update.rollout;

import io.edgefleet.events.commands.CommandStatus;
import io.edgefleet.events.commands.CommandStatusChanged;
import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.update.config.UpdateConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * What the outcome of a sent step does to its unit: running marks it in progress; success moves it
 * to its next step or finishes it; failure retries it with backoff until its attempts are spent;
 * a refusal by policy, or of a device that is gone, skips it with the reason. An outcome applies only
 * to the attempt whose request key it carries, once: a late or repeated one changes nothing.
 */
@ApplicationScoped
public class Outcomes {

    private static final int DEFAULT_ATTEMPTS = 2;
    private static final int DEFAULT_BACKOFF_SECONDS = 30;

    private final EntityManager entityManager;
    private final UnitStore units;
    private final RolloutEvents events;
    private final UpdateConfig config;
    private final Clock clock;

    public Outcomes(EntityManager entityManager, UnitStore units, RolloutEvents events, UpdateConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.units = units;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /** A command status under one of this service's request keys. */
    void apply(CloudEvent event, CommandStatusChanged status) {
        if (status.correlationId() == null || !status.correlationId().startsWith(Dispatcher.KEY_PREFIX) || status.status() == null) {
            return;
        }
        Optional<Unit> found = units.byRequestKey(event.requireOrg(), status.correlationId());
        if (found.isEmpty() || !UnitState.IN_FLIGHT.contains(found.get().state())) {
            return;
        }
        Unit unit = found.get();
        Rollout rollout = entityManager.find(Rollout.class, unit.rolloutId());
        OffsetDateTime now = OffsetDateTime.now(clock);
        switch (status.status()) {
            case RUNNING -> units.state(unit, UnitState.IN_PROGRESS, null, now);
            case SUCCEEDED -> succeeded(rollout, unit, now);
            case REJECTED -> skipped(rollout, unit, refusal(status), now);
            case FAILED, EXPIRED, CANCELLED -> attemptFailed(rollout, unit, status.status().wireName()
                    + (status.failureReason() == null ? "" : ": " + status.failureReason()));
            default -> {
                // queued, delivered, acknowledged: still on its way
            }
        }
    }

    /** The unit's current attempt failed: another one after the backoff, or the unit fails once its attempts are spent. */
    void attemptFailed(Rollout rollout, Unit unit, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        RolloutSpec.DevicePolicy policy = rollout.spec.devices();
        int attempts = policy == null || policy.attempts() == null ? DEFAULT_ATTEMPTS : policy.attempts();
        if (unit.attempts() < attempts) {
            int backoff = policy == null || policy.retryBackoffSeconds() == null ? DEFAULT_BACKOFF_SECONDS : policy.retryBackoffSeconds();
            Duration wait = Duration.ofSeconds(backoff).multipliedBy(1L << Math.min(unit.attempts() - 1, 10));
            units.requeue(unit, unit.step(), unit.attempts(), "retrying after " + reason, now.plus(wait), now);
            return;
        }
        units.state(unit, UnitState.FAILED, reason, now);
        events.unitFinished(rollout.orgId, unit, UnitState.FAILED, reason, null);
    }

    private void succeeded(Rollout rollout, Unit unit, OffsetDateTime now) {
        if (unit.hasNextStep()) {
            units.requeue(unit, unit.step() + 1, 0, null, null, now);
            return;
        }
        units.state(unit, UnitState.SUCCEEDED, null, now);
        events.unitFinished(rollout.orgId, unit, UnitState.SUCCEEDED, null, unit.currentStep().version());
    }

    private void skipped(Rollout rollout, Unit unit, String reason, OffsetDateTime now) {
        units.state(unit, UnitState.SKIPPED, reason, now);
        events.unitFinished(rollout.orgId, unit, UnitState.SKIPPED, reason, null);
    }

    private static String refusal(CommandStatusChanged status) {
        String reason = status.failureReason() == null ? "" : ": " + status.failureReason();
        return switch (status.code() == null ? "" : status.code()) {
            case "POLICY_DENIED" -> "denied by policy" + reason;
            case "DEVICE_NOT_COMMANDABLE", "DEVICE_NOT_FOUND" -> "decommissioned or revoked" + reason;
            default -> "refused by provisioning (" + status.code() + ")" + reason;
        };
    }
}
