package io.edgefleet.inventory.domain;

/** Where a device is in its life: pre-registered, enrolled by its agent, or retired. */
public enum Lifecycle {
    REGISTERED, ENROLLED, DECOMMISSIONED;

    public String wireName() {
        return name().toLowerCase();
    }
}
