package io.edgefleet.update;

import io.edgefleet.core.error.ErrorCode;

/** update-service's own stable error codes (mapped to problem+json by rest-support's one mapper). */
public enum UpdateErrorCode implements ErrorCode {

    RELEASE_NOT_FOUND(404, "Release not found"),
    ROLLOUT_NOT_FOUND(404, "Rollout not found"),
    DEVICE_NOT_FOUND(404, "Device not found"),
    RELEASE_EXISTS(409, "A release of this kind and version exists"),
    RELEASE_READ_ONLY(409, "Releases of the shipped catalog are read-only"),
    RELEASE_IN_USE(409, "A rollout that has not ended targets the release"),
    ROLLOUT_NAME_TAKEN(409, "A rollout with this name exists"),
    ROLLOUT_PHASE_CONFLICT(409, "The action does not apply to the rollout in its phase"),
    ROLLBACK_NOT_POSSIBLE(409, "The rollout's change cannot be rolled back");

    private final int status;
    private final String title;

    UpdateErrorCode(int status, String title) {
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
