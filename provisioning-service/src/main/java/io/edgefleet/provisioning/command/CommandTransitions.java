package io.edgefleet.provisioning.command;

import io.edgefleet.events.EventType;
import io.edgefleet.events.commands.CommandStatus;
import io.edgefleet.events.commands.CommandStatusChanged;
import io.edgefleet.messaging.outbox.Outbox;
import io.edgefleet.provisioning.domain.Command;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Moves commands through their lifecycle; every transition is persisted and published together. */
@ApplicationScoped
public class CommandTransitions {

    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry registry;

    public CommandTransitions(Outbox outbox, Clock clock, MeterRegistry registry) {
        this.outbox = outbox;
        this.clock = clock;
        this.registry = registry;
    }

    /** Publishes the {@code queued} state of a command just persisted. */
    public void queued(Command command) {
        publish(command, null);
    }

    /** Publishes a request refused before it was queued, under its correlation id, with the refusal's code. */
    public void rejected(Command command) {
        Counter.builder("edgefleet_command_transitions").description("Command transitions, by the status entered")
                .tag("status", command.status.wireName()).register(registry).increment();
        outbox.record(EventType.COMMAND_STATUS_CHANGED, command.orgId, command.deviceId.toString(),
                CommandStatusChanged.rejected(command.id.toString(), command.deviceId.toString(), command.type,
                        command.idempotencyKey, command.rejectionCode, command.failureReason, OffsetDateTime.now(clock).toInstant()));
    }

    /** Moves {@code command} to {@code next} if its lifecycle allows; false (and nothing changes) otherwise. */
    public boolean move(Command command, CommandStatus next) {
        if (!command.canMoveTo(next)) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        CommandStatus previous = command.moveTo(next, now);
        if (next == CommandStatus.DELIVERED) {
            command.deliveryAttempts++;
            Timer.builder("edgefleet_command_dispatch_latency").description("accepted to delivered")
                    .publishPercentileHistogram().register(registry).record(Duration.between(command.createdAt, now));
        }
        publish(command, previous);
        return true;
    }

    /** Moves a waiting cluster command to {@code machine}, queued there; published as a transition to queued. */
    public void reassign(Command command, UUID machine) {
        publish(command, command.reassign(machine));
    }

    private void publish(Command command, CommandStatus previous) {
        Counter.builder("edgefleet_command_transitions").description("Command transitions, by the status entered")
                .tag("status", command.status.wireName()).register(registry).increment();
        outbox.record(EventType.COMMAND_STATUS_CHANGED, command.orgId, command.deviceId.toString(),
                CommandStatusChanged.transition(command.id.toString(), command.deviceId.toString(), command.type,
                        command.status, previous, command.idempotencyKey, command.result, command.failureReason,
                        OffsetDateTime.now(clock).toInstant()));
    }
}
