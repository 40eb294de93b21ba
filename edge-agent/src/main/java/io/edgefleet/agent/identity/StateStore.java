package io.edgefleet.agent.identity;

import java.util.Optional;

/**
 * What the agent keeps between runs: its key pair, its enrollment and device ids, and the
 * outcome of every command it executed (so a redelivered command is never executed twice).
 * On a device it is a directory ({@link DirectoryStateStore}); the simulator keeps it in memory.
 */
public interface StateStore {

    Optional<DeviceKeys> keys();

    void saveKeys(DeviceKeys keys);

    Optional<String> enrollmentId();

    void saveEnrollmentId(String enrollmentId);

    Optional<String> deviceId();

    void saveDeviceId(String deviceId);

    /** The recorded outcome line of a command this device already executed. */
    Optional<String> outcomeOf(String commandId);

    /** Records a command's outcome (JSON) durably before it is reported. */
    void recordOutcome(String commandId, String outcomeJson);

    /** The agent's last known status (JSON), as {@code edge-agent status} prints it. */
    Optional<String> status();

    /** Replaces the status (JSON); written whole, so a reader never sees half of it. */
    void saveStatus(String statusJson);
}
