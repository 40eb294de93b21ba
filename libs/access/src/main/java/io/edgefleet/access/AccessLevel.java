package io.edgefleet.access;

import io.edgefleet.rest.security.FleetRoles;
import java.util.Arrays;
import java.util.Optional;

/** The three roles, lowest first; each includes those below it. */
public enum AccessLevel {

    VIEWER("viewer", FleetRoles.VIEWER),
    OPERATOR("operator", FleetRoles.OPERATOR),
    ADMIN("admin", FleetRoles.ADMIN);

    private final String wireName;
    private final String role;

    AccessLevel(String wireName, String role) {
        this.wireName = wireName;
        this.role = role;
    }

    /** As a role binding names it: {@code viewer}, {@code operator}, {@code admin}. */
    public String wireName() {
        return wireName;
    }

    /** The security role an endpoint names in {@code @RolesAllowed}. */
    public String role() {
        return role;
    }

    public boolean includes(AccessLevel other) {
        return compareTo(other) >= 0;
    }

    public static Optional<AccessLevel> ofWireName(String name) {
        return Arrays.stream(values()).filter(l -> l.wireName.equals(name)).findFirst();
    }

    public static Optional<AccessLevel> ofRole(String role) {
        return Arrays.stream(values()).filter(l -> l.role.equals(role)).findFirst();
    }
}
