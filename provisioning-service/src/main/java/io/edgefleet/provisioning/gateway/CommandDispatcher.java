package io.edgefleet.provisioning.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.events.agent.AgentMessage;
import io.edgefleet.events.commands.CommandStatus;
import io.edgefleet.provisioning.command.CommandSecrets;
import io.edgefleet.provisioning.command.CommandTransitions;
import io.edgefleet.provisioning.domain.Command;
import io.edgefleet.provisioning.repository.CommandRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Hands a device its pending commands in order. Used by the WebSocket session (push) and the
 * HTTP fallback (long poll). Rows are locked while they are handed out, so two dispatchers of
 * one device take turns and order holds.
 */
@ApplicationScoped
public class CommandDispatcher {

    private final AgentSessions sessions;
    private final CommandRepository commands;
    private final CommandTransitions transitions;
    private final ObjectMapper json;
    private final Clock clock;
    private final CommandSecrets secrets;

    public CommandDispatcher(AgentSessions sessions, CommandRepository commands, CommandTransitions transitions,
                             CommandSecrets secrets, ObjectMapper json, Clock clock) {
        this.secrets = secrets;
        this.sessions = sessions;
        this.commands = commands;
        this.transitions = transitions;
        this.json = json;
        this.clock = clock;
    }

    /** Pushes pending commands over the device's session on this replica, if it has one here. */
    public void push(UUID deviceId, CommandRepository.Redelivery redelivery) {
        sessions.of(deviceId).ifPresent(connection -> {
            synchronized (connection) {
                take(deviceId, redelivery, message -> send(connection, message));
            }
        });
    }

    /** Marks pending commands delivered and returns them (HTTP fallback). */
    public List<AgentMessage.CommandView> poll(UUID deviceId) {
        List<AgentMessage.CommandView> taken = new java.util.ArrayList<>();
        take(deviceId, CommandRepository.Redelivery.UNACKNOWLEDGED, message -> taken.add(message.command()));
        return taken;
    }

    private void take(UUID deviceId, CommandRepository.Redelivery redelivery, Consumer<AgentMessage> deliver) {
        QuarkusTransaction.requiringNew().run(() -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            for (Command command : commands.lockPending(deviceId, redelivery)) {
                if (!command.expiresAt.isAfter(now)) {
                    continue;
                }
                if (command.status == CommandStatus.QUEUED) {
                    transitions.move(command, CommandStatus.DELIVERED);
                } else {
                    command.deliveryAttempts++;
                }
                deliver.accept(AgentMessage.command(view(command)));
            }
        });
    }

    void send(WebSocketConnection connection, AgentMessage message) {
        try {
            connection.sendTextAndAwait(json.writeValueAsString(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the device gets: the only place a command's secrets are opened. */
    private AgentMessage.CommandView view(Command c) {
        return new AgentMessage.CommandView(c.id.toString(), c.seq, c.type.wireName(), secrets.open(c.payload),
                c.expiresAt.toString());
    }
}
