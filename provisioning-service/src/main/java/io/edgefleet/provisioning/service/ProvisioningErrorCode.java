package io.edgefleet.provisioning.service;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.ErrorCode;

/** provisioning-service's own stable error codes (shared ones are in CommonErrorCode). */
public enum ProvisioningErrorCode implements ErrorCode {

    ENROLLMENT_TOKEN_NOT_FOUND(404, "Enrollment token not found"),
    ENROLLMENT_TOKEN_INVALID(401, "Enrollment token not recognised"),
    ENROLLMENT_TOKEN_EXPIRED(403, "Enrollment token expired"),
    ENROLLMENT_TOKEN_REVOKED(403, "Enrollment token revoked"),
    ENROLLMENT_TOKEN_USED_UP(403, "Enrollment token has no uses left"),
    INVALID_PUBLIC_KEY(400, "Unacceptable device public key"),
    ENROLLMENT_NOT_FOUND(404, "Enrollment not found"),
    ENROLLMENT_ALREADY_DECIDED(409, "Enrollment already approved or rejected"),
    ENROLLMENT_PENDING(403, "Enrollment awaits approval"),
    ENROLLMENT_REJECTED(403, "Enrollment was rejected"),
    INVALID_DEVICE_ASSERTION(401, "Device assertion not valid"),
    DEVICE_TOKEN_INVALID(401, "Device token not valid"),
    DEVICE_REVOKED(403, "Device credentials revoked"),
    DEVICE_NOT_FOUND(404, "Device not found"),
    UNKNOWN_COMMAND_TYPE(400, "Unknown command type"),
    INVALID_COMMAND_PAYLOAD(400, "Command payload does not match its type's schema"),
    INVALID_COMMAND_TTL(400, "Command time-to-live out of range"),
    DEVICE_NOT_COMMANDABLE(409, "Device cannot receive commands"),
    IDEMPOTENCY_KEY_REUSED(409, "Idempotency key already used for a different command"),
    COMMAND_NOT_FOUND(404, "Command not found"),
    COMMAND_NOT_CANCELLABLE(409, "Command can no longer be cancelled"),
    COMMAND_OF_ANOTHER_DEVICE(403, "Command belongs to another device"),
    PUBLIC_URL_NOT_CONFIGURED(409, "The public URLs devices use are not configured"),
    AGENT_PROTOCOL_UNSUPPORTED(400, "Agent protocol version not supported"),
    CLUSTER_NOT_FOUND(404, "Cluster not found");

    private final int status;
    private final String title;

    ProvisioningErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
