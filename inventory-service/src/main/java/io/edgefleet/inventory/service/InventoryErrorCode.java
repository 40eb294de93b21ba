package io.edgefleet.inventory.service;

import io.edgefleet.rest.problem.ErrorCode;

/** inventory-service's own stable error codes (shared ones are in CommonErrorCode). */
public enum InventoryErrorCode implements ErrorCode {

    DEVICE_NOT_FOUND(404, "Device not found"),
    DEVICE_NAME_TAKEN(409, "Device name already in use");

    private final int status;
    private final String title;

    InventoryErrorCode(int status, String title) {
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
