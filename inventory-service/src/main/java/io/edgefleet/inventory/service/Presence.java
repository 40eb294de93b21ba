package io.edgefleet.inventory.service;

import io.edgefleet.inventory.config.InventoryConfig;
import io.edgefleet.inventory.domain.Connectivity;
import io.edgefleet.inventory.domain.Device;
import io.edgefleet.inventory.repository.DeviceRepository;
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
 * Connectivity from heartbeats. Heartbeats are coalesced in memory (one entry per device) and
 * written in one JDBC batch per interval: 10,000 devices at one heartbeat per 30 s cost one
 * batch every few seconds, not hundreds of writes per second. Only a change of connectivity
 * loads the device and publishes an event. Silence beyond {@code offline-after} makes a
 * connected device offline.
 */
@ApplicationScoped
public class Presence {

    static final String HEARTBEAT = "agent:heartbeat";
    static final String SILENCE = "inventory:silence";
    private static final int SWEEP_BATCH = 500;

    private final DeviceRepository devices;
    private final DeviceChanges changes;
    private final EntityManager entityManager;
    private final InventoryConfig config;
    private final Clock clock;
    private final Map<UUID, Instant> pending = new ConcurrentHashMap<>();

    public Presence(DeviceRepository devices, DeviceChanges changes, EntityManager entityManager, InventoryConfig config,
                    Clock clock) {
        this.devices = devices;
        this.changes = changes;
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    /** Records a heartbeat of the device with agent identity {@code identityId}; no I/O. */
    public void heartbeat(UUID identityId, Instant at) {
        pending.merge(identityId, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    @Scheduled(every = "${edgefleet.inventory.heartbeat-flush:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void flush() {
        Map<UUID, Instant> batch = new HashMap<>();
        pending.forEach((id, at) -> {
            if (pending.remove(id, at)) {
                batch.put(id, at);
            }
        });
        if (!batch.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> write(batch));
        }
    }

    private void write(Map<UUID, Instant> batch) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE device SET last_seen_at = "
                    + "GREATEST(COALESCE(last_seen_at, ?), ?) WHERE identity_id = ?")) {
                for (Map.Entry<UUID, Instant> e : batch.entrySet()) {
                    OffsetDateTime at = e.getValue().atOffset(ZoneOffset.UTC);
                    update.setObject(1, at);
                    update.setObject(2, at);
                    update.setObject(3, e.getKey());
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
        entityManager.clear();
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(config.offlineAfter());
        for (Device device : devices.findByIdentities(batch.keySet())) {
            boolean fresh = device.lastSeenAt != null && device.lastSeenAt.isAfter(cutoff);
            boolean unheard = device.connectivity == Connectivity.OFFLINE || device.connectivity == Connectivity.NEVER_CONNECTED;
            if (fresh && unheard && !device.isDecommissioned()) {
                changes.connectivity(device, Connectivity.CONNECTED, HEARTBEAT);
            }
        }
    }

    @Scheduled(every = "${edgefleet.inventory.connectivity-sweep:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        markSilentOffline(OffsetDateTime.now(clock));
    }

    /** Marks offline every connected device not heard from since {@code now - offline-after}. */
    public int markSilentOffline(OffsetDateTime now) {
        int marked = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> {
                var silent = devices.silentSince(now.minus(config.offlineAfter()), SWEEP_BATCH);
                silent.forEach(d -> changes.connectivity(d, Connectivity.OFFLINE, SILENCE));
                return silent.size();
            });
            marked += batch;
        } while (batch == SWEEP_BATCH);
        return marked;
    }
}
