package io.edgefleet.provisioning.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent sessions open on this replica, one per device: a new session replaces (and closes)
 * the device's previous one.
 */
@ApplicationScoped
public class AgentSessions {

    /** Close code for a session replaced by a newer one of the same device. */
    static final int REPLACED = 4000;
    /** Close code for a device whose credentials were revoked. */
    static final int REVOKED = 4003;

    private final Map<UUID, WebSocketConnection> sessions = new ConcurrentHashMap<>();
    /** Devices whose last session on this replica ended (and none opened since): offline at once, whatever last-seen says. */
    private final Set<UUID> endedHere = ConcurrentHashMap.newKeySet();

    public AgentSessions(MeterRegistry registry) {
        registry.gaugeMapSize("edgefleet_agent_sessions_open", java.util.List.of(), sessions);
    }

    void open(UUID deviceId, WebSocketConnection connection) {
        endedHere.remove(deviceId);
        WebSocketConnection previous = sessions.put(deviceId, connection);
        if (previous != null && previous != connection && previous.isOpen()) {
            previous.close(new CloseReason(REPLACED, "replaced by a newer session")).subscribe().with(ok -> { }, e -> { });
        }
    }

    void closed(UUID deviceId, WebSocketConnection connection) {
        if (sessions.remove(deviceId, connection)) {
            endedHere.add(deviceId);
        }
    }

    /** Whether the device has an open session here (true) or its last one here ended (false); empty: unknown here. */
    Optional<Boolean> connectedHere(UUID deviceId) {
        if (of(deviceId).isPresent()) {
            return Optional.of(true);
        }
        return endedHere.contains(deviceId) ? Optional.of(false) : Optional.empty();
    }

    Optional<WebSocketConnection> of(UUID deviceId) {
        return Optional.ofNullable(sessions.get(deviceId)).filter(WebSocketConnection::isOpen);
    }

    void close(UUID deviceId, int code, String reason) {
        WebSocketConnection connection = sessions.remove(deviceId);
        if (connection != null && connection.isOpen()) {
            connection.closeAndAwait(new CloseReason(code, reason));
        }
    }
}
