package io.edgefleet.provisioning.gateway;

import io.edgefleet.deviceauth.DeviceCaller;
import io.edgefleet.events.EventType;
import io.edgefleet.events.agent.AgentHeartbeat;
import io.edgefleet.messaging.outbox.DirectEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;

/**
 * Heartbeats: forwarded to {@code fleet.agent.reports} for inventory and telemetry, and
 * coalesced in memory into a last-seen time per device that is written in one batch every
 * few seconds: no database write per heartbeat.
 */
@ApplicationScoped
public class AgentPresence {

    private final DirectEvents events;
    private final EntityManager entityManager;
    private final Clock clock;
    private final Map<UUID, Instant> lastSeen = new ConcurrentHashMap<>();

    public AgentPresence(DirectEvents events, EntityManager entityManager, Clock clock) {
        this.events = events;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public void heartbeat(DeviceCaller device, String agentVersion, String sessionId) {
        Instant now = clock.instant();
        lastSeen.put(device.deviceId(), now);
        events.publish(EventType.AGENT_HEARTBEAT, device.orgId(), device.deviceId().toString(),
                new AgentHeartbeat(device.deviceId().toString(), agentVersion, sessionId, now));
    }

    @Scheduled(every = "${edgefleet.provisioning.last-seen-flush:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flush() {
        Map<UUID, Instant> batch = new HashMap<>();
        lastSeen.forEach((device, seen) -> {
            if (lastSeen.remove(device, seen)) {
                batch.put(device, seen);
            }
        });
        if (batch.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE device_identity SET last_seen_at = "
                    + "GREATEST(COALESCE(last_seen_at, ?), ?) WHERE device_id = ?")) {
                for (Map.Entry<UUID, Instant> entry : batch.entrySet()) {
                    OffsetDateTime seen = entry.getValue().atOffset(ZoneOffset.UTC);
                    update.setObject(1, seen);
                    update.setObject(2, seen);
                    update.setObject(3, entry.getKey());
                    update.addBatch();
                }
                update.executeBatch();
            }
        }));
    }
}
