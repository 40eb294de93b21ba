package io.edgefleet.inventory.service;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.ErrorCode;

/** inventory-service's own stable error codes (shared ones are in CommonErrorCode). */
public enum InventoryErrorCode implements ErrorCode {

    DEVICE_NOT_FOUND(404, "Device not found"),
    DEVICE_NAME_TAKEN(409, "Device name already in use"),
    DEVICE_DECOMMISSIONED(409, "Device is decommissioned"),
    DEVICE_NOT_DECOMMISSIONED(409, "Only decommissioned devices can be deleted"),
    RESOURCE_VERSION_CONFLICT(409, "The resource changed since you read it"),
    CLUSTER_NOT_FOUND(404, "Cluster not found"),
    CLUSTER_NAME_TAKEN(409, "Cluster name already in use"),
    CLUSTER_NOT_EMPTY(409, "Cluster still has machines"),
    GROUP_NOT_FOUND(404, "Group not found"),
    GROUP_NAME_TAKEN(409, "Group name already in use"),
    GROUP_NOT_STATIC(409, "Members are added only to static groups"),
    ROLE_BINDING_NOT_FOUND(404, "Role binding not found"),
    ROLE_BINDING_NAME_TAKEN(409, "Role binding name already in use");

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
