package io.edgefleet.provisioning.command;

import io.edgefleet.events.commands.CommandStatus;
import io.edgefleet.provisioning.domain.Command;
import io.edgefleet.provisioning.repository.CommandRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;

/** Expires commands whose time-to-live ran out before the agent acknowledged them. */
@ApplicationScoped
public class CommandExpiry {

    private static final int BATCH = 500;

    private final CommandRepository commands;
    private final CommandTransitions transitions;
    private final CommandNotifications notifications;
    private final Clock clock;

    public CommandExpiry(CommandRepository commands, CommandTransitions transitions,
                         CommandNotifications notifications, Clock clock) {
        this.commands = commands;
        this.transitions = transitions;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Scheduled(every = "${edgefleet.provisioning.expiry-sweep:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int expired;
        do {
            expired = QuarkusTransaction.requiringNew().call(this::expireBatch);
        } while (expired == BATCH);
    }

    int expireBatch() {
        int count = 0;
        for (Command command : commands.lockOverdue(OffsetDateTime.now(clock), BATCH)) {
            boolean delivered = command.status == CommandStatus.DELIVERED;
            command.failureReason = delivered ? "not acknowledged by the agent within its time-to-live"
                    : "the device did not connect within the command's time-to-live";
            transitions.move(command, CommandStatus.EXPIRED);
            if (delivered) {
                notifications.commandCancelled(command.deviceId, command.id);
            }
            count++;
        }
        return count;
    }
}
