package io.edgefleet.inventory.domain;

/**
 * Whether the device's agent is heard from: connected, silent too long, its credential lapsed,
 * or never heard from at all (registered ahead of its installation: not an outage).
 */
public enum Connectivity {
    CONNECTED, OFFLINE, CREDENTIAL_EXPIRED, NEVER_CONNECTED;

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
