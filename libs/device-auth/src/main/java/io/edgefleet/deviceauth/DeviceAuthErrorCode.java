package io.edgefleet.deviceauth;

import io.edgefleet.core.error.ErrorCode;

/** Why a device was not let in; the same codes in every service that has device endpoints. */
public enum DeviceAuthErrorCode implements ErrorCode {
    DEVICE_TOKEN_INVALID(401, "Device token not valid"),
    DEVICE_REVOKED(403, "Device credentials revoked");

    private final int status;
    private final String title;

    DeviceAuthErrorCode(int status, String title) {
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
