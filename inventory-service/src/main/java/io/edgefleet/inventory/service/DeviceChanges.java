package io.edgefleet.inventory.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.events.EventType;
import io.edgefleet.events.inventory.DeviceConnectivityChanged;
import io.edgefleet.events.inventory.DeviceState;
import io.edgefleet.events.inventory.DeviceUpdated;
import io.edgefleet.inventory.domain.Connectivity;
import io.edgefleet.inventory.domain.Device;
import io.edgefleet.inventory.repository.DeviceHistoryRepository;
import io.edgefleet.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one way a device changes: the mutation, its history entry and its events are written in
 * the caller's transaction. Nothing is recorded when nothing changed. Every change also records
 * the device's whole state on the compacted {@code fleet.inventory.devices} ({@link #state}).
 */
@ApplicationScoped
public class DeviceChanges {

    /** Fields whose changes are not "updates": they move on their own, with their own events. */
    private static final Set<String> NOT_UPDATES = Set.of("resourceVersion", "lastSeenAt", "connectivity");

    private final DeviceStates states;
    private final DeviceHistoryRepository history;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;

    public DeviceChanges(DeviceStates states, DeviceHistoryRepository history, Outbox outbox, EntityManager entityManager,
                         ObjectMapper json, Clock clock) {
        this.states = states;
        this.history = history;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
    }

    /** Applies {@code mutation}; returns the names of the fields it changed. */
    public List<String> apply(Device device, String actor, Consumer<Device> mutation) {
        Map<String, Object> before = snapshot(device);
        mutation.accept(device);
        Map<String, Map<String, Object>> changes = diff(before, snapshot(device));
        if (changes.isEmpty()) {
            return List.of();
        }
        device.updatedAt = OffsetDateTime.now(clock);
        entityManager.flush();
        history.append(device.id, device.orgId, device.updatedAt, actor, toJson(changes));
        List<String> fields = List.copyOf(changes.keySet());
        DeviceState state = states.of(device);
        outbox.record(EventType.DEVICE_UPDATED, device.orgId, device.id.toString(), new DeviceUpdated(state, fields, actor));
        outbox.record(EventType.DEVICE_STATE, device.orgId, device.id.toString(), state);
        return fields;
    }

    /** Records the creation of a device in its history. */
    public void created(Device device, String actor) {
        history.append(device.id, device.orgId, device.createdAt, actor, toJson(Map.of("created",
                Map.of("to", device.name))));
        state(device);
    }

    /** The device is gone for good: its record on the compacted topic becomes a tombstone. */
    public void deleted(Device device) {
        outbox.recordTombstone(EventType.DEVICE_STATE, device.orgId, device.id.toString());
    }

    /** Moves connectivity and publishes the change; false when it already was {@code next}. */
    public boolean connectivity(Device device, Connectivity next, String actor) {
        Connectivity previous = device.connectivity;
        if (previous == next) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        device.connectivity = next;
        history.append(device.id, device.orgId, now, actor, toJson(Map.of("connectivity",
                fromTo(previous.wireName(), next.wireName()))));
        outbox.record(EventType.DEVICE_CONNECTIVITY_CHANGED, device.orgId, device.id.toString(),
                new DeviceConnectivityChanged(device.id.toString(), device.identityId == null ? null : device.identityId.toString(),
                        next.wireName(), previous.wireName(), device.lastSeenAt == null ? null : device.lastSeenAt.toInstant(),
                        now.toInstant()));
        state(device);
        return true;
    }

    /** Records the device's whole current state, flushed first so its resourceVersion is the stored one. */
    private void state(Device device) {
        entityManager.flush();
        outbox.record(EventType.DEVICE_STATE, device.orgId, device.id.toString(), states.of(device));
    }

    private Map<String, Object> snapshot(Device device) {
        DeviceState state = states.of(device);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = json.convertValue(state, Map.class);
        NOT_UPDATES.forEach(map::remove);
        return map;
    }

    private static Map<String, Map<String, Object>> diff(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
        after.forEach((field, value) -> {
            if (!Objects.equals(before.get(field), value)) {
                changes.put(field, fromTo(before.get(field), value));
            }
        });
        return changes;
    }

    private static Map<String, Object> fromTo(Object from, Object to) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", from);
        change.put("to", to);
        return change;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
