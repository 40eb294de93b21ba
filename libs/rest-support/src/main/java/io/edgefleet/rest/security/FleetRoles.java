package io.edgefleet.rest.security;

/**
 * Operator roles, carried in the token's {@code groups} claim. Viewers read; operators also change
 * things; admins also administer. Each role implies the ones below it ({@link FleetRoleHierarchy}).
 */
public final class FleetRoles {

    public static final String ADMIN = "fleet-admin";
    public static final String OPERATOR = "fleet-operator";
    public static final String VIEWER = "fleet-viewer";
    /** The role of a caller presenting a device access token (never in a user token). */
    public static final String DEVICE = "device";
    /** The OpenAPI security scheme of device endpoints (device access tokens, not user tokens). */
    public static final String DEVICE_TOKEN = "deviceToken";

    private FleetRoles() {
    }
}
