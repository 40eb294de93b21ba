package io.edgefleet.agent.identity;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** State kept in memory, for simulated devices. */
public class MemoryStateStore implements StateStore {

    private volatile DeviceKeys keys;
    private volatile String enrollmentId;
    private volatile String deviceId;
    private final Map<String, String> outcomes = new ConcurrentHashMap<>();
    private volatile String status;

    @Override
    public Optional<String> status() {
        return Optional.ofNullable(status);
    }

    @Override
    public void saveStatus(String statusJson) {
        status = statusJson;
    }

    @Override
    public Optional<DeviceKeys> keys() {
        return Optional.ofNullable(keys);
    }

    @Override
    public void saveKeys(DeviceKeys keys) {
        this.keys = keys;
    }

    @Override
    public Optional<String> enrollmentId() {
        return Optional.ofNullable(enrollmentId);
    }

    @Override
    public void saveEnrollmentId(String enrollmentId) {
        this.enrollmentId = enrollmentId;
    }

    @Override
    public Optional<String> deviceId() {
        return Optional.ofNullable(deviceId);
    }

    @Override
    public void saveDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    @Override
    public Optional<String> outcomeOf(String commandId) {
        return Optional.ofNullable(outcomes.get(commandId));
    }

    @Override
    public void recordOutcome(String commandId, String outcomeJson) {
        outcomes.put(commandId, outcomeJson);
    }
}
