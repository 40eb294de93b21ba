package io.edgefleet.provisioning.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.deviceauth.DeviceCaller;
import io.edgefleet.events.EventType;
import io.edgefleet.events.agent.AgentMessage;
import io.edgefleet.events.agent.AgentReport;
import io.edgefleet.messaging.outbox.DirectEvents;
import io.edgefleet.provisioning.command.AgentCommandUpdates;
import io.edgefleet.provisioning.repository.CommandRepository;
import io.edgefleet.rest.problem.JsonFailures;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import java.time.Clock;
import java.util.UUID;

/**
 * The agent session: a WebSocket opened by the device (outbound, so it works behind NAT). On
 * open, everything the device has not acknowledged is (re)delivered in order; afterwards new
 * commands are pushed as they arrive. See {@link AgentMessage} for the protocol.
 */
@WebSocket(path = "/api/v1/agent/session")
public class AgentGateway {

    private final AgentSessions sessions;
    private final CommandDispatcher dispatcher;
    private final AgentCommandUpdates updates;
    private final AgentPresence presence;
    private final DirectEvents events;
    private final ObjectMapper json;
    private final Clock clock;

    public AgentGateway(AgentSessions sessions, CommandDispatcher dispatcher, AgentCommandUpdates updates,
                        AgentPresence presence, DirectEvents events, ObjectMapper json, Clock clock) {
        this.sessions = sessions;
        this.dispatcher = dispatcher;
        this.updates = updates;
        this.presence = presence;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        DeviceCaller device = connection.userData().get(AgentUpgradeCheck.DEVICE);
        sessions.open(device.deviceId(), connection);
        presence.heartbeat(device, null, connection.id());
        dispatcher.push(device.deviceId(), CommandRepository.Redelivery.UNFINISHED);
    }

    @OnTextMessage
    void message(String text, WebSocketConnection connection) {
        DeviceCaller device = connection.userData().get(AgentUpgradeCheck.DEVICE);
        try {
            handle(device, json.readValue(text, AgentMessage.class), connection);
        } catch (JsonProcessingException e) {
            dispatcher.send(connection, AgentMessage.error("MALFORMED_MESSAGE",
                    "not a protocol message: " + JsonFailures.describe(e).detail()));
        } catch (FleetException e) {
            dispatcher.send(connection, AgentMessage.error(e.errorCode().code(), e.getMessage()));
        }
    }

    @OnClose
    void close(WebSocketConnection connection) {
        DeviceCaller device = connection.userData().get(AgentUpgradeCheck.DEVICE);
        if (device != null) {
            sessions.closed(device.deviceId(), connection);
        }
    }

    private void handle(DeviceCaller device, AgentMessage message, WebSocketConnection connection) {
        String type = message.type() == null ? "" : message.type();
        switch (type) {
            case AgentMessage.HEARTBEAT -> presence.heartbeat(device, message.agentVersion(), connection.id());
            case AgentMessage.REPORT -> events.publish(EventType.AGENT_REPORT, device.orgId(), device.deviceId().toString(),
                    new AgentReport(device.deviceId().toString(), message.kind(), message.report(), clock.instant()));
            case AgentMessage.ACK -> {
                if (updates.acknowledge(device, commandId(message))) {
                    dispatcher.send(connection, AgentMessage.cancel(message.commandId()));
                }
            }
            case AgentMessage.PROGRESS -> updates.progress(device, commandId(message));
            case AgentMessage.RESULT -> updates.finish(device, commandId(message), "succeeded".equals(message.status()),
                    message.result(), message.failureReason());
            default -> dispatcher.send(connection, AgentMessage.error("UNKNOWN_MESSAGE_TYPE", "unknown type '" + type + "'"));
        }
    }

    private static UUID commandId(AgentMessage message) {
        try {
            return UUID.fromString(message.commandId());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new FleetException(io.edgefleet.provisioning.service.ProvisioningErrorCode.COMMAND_NOT_FOUND,
                    "commandId '" + message.commandId() + "' is not a command id");
        }
    }
}
