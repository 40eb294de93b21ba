package io.edgefleet.inventory.domain;

/** Whether the device's agent is heard from: connected, silent too long, or its credential lapsed. */
public enum Connectivity {
    CONNECTED, OFFLINE, CREDENTIAL_EXPIRED;

    public String wireName() {
        return name().toLowerCase().replace('_', '-');
    }

    public static Connectivity fromWireName(String name) {
        for (Connectivity c : values()) {
            if (c.wireName().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
