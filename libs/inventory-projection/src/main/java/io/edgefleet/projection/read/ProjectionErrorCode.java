package io.edgefleet.projection.read;

import io.edgefleet.core.error.ErrorCode;

/** Errors of the projection's read API, the same in every service that embeds it. */
public enum ProjectionErrorCode implements ErrorCode {

    GROUP_NOT_FOUND(404, "Device group not found");

    private final int status;
    private final String title;

    ProjectionErrorCode(int status, String title) {
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
