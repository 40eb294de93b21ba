package io.edgefleet.gitops;

import io.edgefleet.core.error.ErrorCode;

/** gitops-service's own stable error codes (mapped to problem+json by rest-support's one mapper). */
public enum GitOpsErrorCode implements ErrorCode {

    CONFIGURATION_NOT_FOUND(404, "GitOps configuration not found"),
    CONFIGURATION_NAME_TAKEN(409, "A GitOps configuration with this name exists"),
    DEVICE_NOT_PROJECTED(409, "The device is not known here yet"),
    NOT_THE_APPLYING_MACHINE(409, "Another machine of the cluster applies its configurations");

    private final int status;
    private final String title;

    GitOpsErrorCode(int status, String title) {
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
