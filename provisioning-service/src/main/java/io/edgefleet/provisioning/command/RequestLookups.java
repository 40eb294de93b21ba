package io.edgefleet.provisioning.command;

import io.edgefleet.provisioning.domain.DeviceIdentity;
import jakarta.transaction.TransactionScoped;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What one transaction read ahead for a batch of command requests ({@link CommandService#readAhead}):
 * the devices, and which idempotency keys they already use. A request then finds its device and
 * learns that its key is new without a query of its own; anything not read ahead is queried as
 * usual. Gone with the transaction, so it is never stale.
 */
@TransactionScoped
public class RequestLookups {

    private final Set<UUID> readDevices = new HashSet<>();
    private final Map<UUID, DeviceIdentity> devices = new HashMap<>();
    private final Set<String> readKeys = new HashSet<>();
    private final Set<String> usedKeys = new HashSet<>();

    void read(Set<UUID> deviceIds, Iterable<DeviceIdentity> found, Set<String> keys, Iterable<Object[]> used) {
        readDevices.addAll(deviceIds);
        found.forEach(device -> devices.put(device.deviceId, device));
        readKeys.addAll(keys);
        used.forEach(pair -> usedKeys.add(pair(pair[0], pair[1])));
    }

    /** Whether the device was read ahead (found or not). */
    boolean readAhead(UUID deviceId) {
        return readDevices.contains(deviceId);
    }

    /** The device as read ahead; empty if it was not found (or not read ahead). */
    Optional<DeviceIdentity> device(UUID deviceId) {
        return Optional.ofNullable(devices.get(deviceId));
    }

    /** True only when the read-ahead showed that no command of the device uses the key. */
    boolean keyIsNew(UUID deviceId, String key) {
        return readDevices.contains(deviceId) && readKeys.contains(key) && !usedKeys.contains(pair(deviceId, key));
    }

    /** A command of this transaction now uses the key. */
    void used(UUID deviceId, String key) {
        usedKeys.add(pair(deviceId, key));
    }

    private static String pair(Object deviceId, Object key) {
        return deviceId + "\n" + key;
    }
}
