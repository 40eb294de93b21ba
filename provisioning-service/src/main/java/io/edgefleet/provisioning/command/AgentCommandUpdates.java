package io.edgefleet.provisioning.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.deviceauth.DeviceCaller;
import io.edgefleet.events.commands.CommandStatus;
import io.edgefleet.messaging.tx.SharedTransactions;
import io.edgefleet.provisioning.domain.Command;
import io.edgefleet.provisioning.repository.CommandRepository;
import io.edgefleet.provisioning.service.ProvisioningErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * What agents report about their commands. Repeats (after a redelivery) and late reports (after
 * a cancellation) change nothing; a device can only touch its own commands. Reports arriving
 * together are written in one transaction ({@link SharedTransactions}): a rollout's thousand
 * devices answering at once is a few commits, not thousands; each agent still hears back only
 * once its report is committed.
 */
@ApplicationScoped
public class AgentCommandUpdates {

    private final CommandRepository commands;
    private final CommandTransitions transitions;
    private final SharedTransactions shared;

    public AgentCommandUpdates(CommandRepository commands, CommandTransitions transitions, SharedTransactions shared) {
        this.commands = commands;
        this.transitions = transitions;
        this.shared = shared;
    }

    /** @return true if the agent should drop the command (cancelled or expired meanwhile) */
    public boolean acknowledge(DeviceCaller caller, UUID commandId) {
        return shared.call(() -> {
            Command command = own(caller, commandId);
            transitions.move(command, CommandStatus.ACKNOWLEDGED);
            return command.status == CommandStatus.CANCELLED || command.status == CommandStatus.EXPIRED;
        });
    }

    public Command progress(DeviceCaller caller, UUID commandId) {
        return shared.call(() -> {
            Command command = own(caller, commandId);
            transitions.move(command, CommandStatus.RUNNING);
            return command;
        });
    }

    public Command finish(DeviceCaller caller, UUID commandId, boolean succeeded, JsonNode result, String failureReason) {
        return shared.call(() -> {
            Command command = own(caller, commandId);
            CommandStatus outcome = succeeded ? CommandStatus.SUCCEEDED : CommandStatus.FAILED;
            if (command.canMoveTo(outcome)) {
                command.result = result;
                command.failureReason = succeeded ? null : (failureReason == null ? "agent reported failure" : failureReason);
                transitions.move(command, outcome);
            }
            return command;
        });
    }

    @Transactional
    public Command read(DeviceCaller caller, UUID commandId) {
        return own(caller, commandId);
    }

    /** Locks the row: an agent's ack must wait for the dispatch that delivered it to commit. */
    private Command own(DeviceCaller caller, UUID commandId) {
        Command command = commands.findByIdOptional(commandId, LockModeType.PESSIMISTIC_WRITE).orElseThrow(
                () -> new FleetException(ProvisioningErrorCode.COMMAND_NOT_FOUND, "no command " + commandId));
        if (!command.deviceId.equals(caller.deviceId())) {
            throw new FleetException(ProvisioningErrorCode.COMMAND_OF_ANOTHER_DEVICE,
                    "command " + commandId + " belongs to another device");
        }
        return command;
    }
}
