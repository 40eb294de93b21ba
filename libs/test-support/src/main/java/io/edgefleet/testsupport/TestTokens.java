package io.edgefleet.testsupport;

import io.edgefleet.localinfra.UserTokens;
import java.time.Duration;
import java.util.List;

/** Bearer tokens signed with the key {@link EdgeFleetInfra} gave the service under test. */
public final class TestTokens {

    public static final String DEFAULT_ORG = "default";

    private TestTokens() {
    }

    public static String admin() {
        return forRole("fleet-admin", DEFAULT_ORG);
    }

    public static String operator() {
        return forRole("fleet-operator", DEFAULT_ORG);
    }

    public static String viewer() {
        return forRole("fleet-viewer", DEFAULT_ORG);
    }

    public static String forRole(String role, String org) {
        return new UserTokens(EdgeFleetInfra.keys().privateKey())
                .mint("test-" + role, org, List.of(role), Duration.ofMinutes(30));
    }

    /** A user's token with exactly these {@code groups} (fleet roles or any other group names). */
    public static String forSubject(String subject, String org, String... groups) {
        return new UserTokens(EdgeFleetInfra.keys().privateKey())
                .mint(subject, org, List.of(groups), Duration.ofMinutes(30));
    }

    /** A well-signed token that carries no organization claim. */
    public static String withoutOrg(String role) {
        return new UserTokens(EdgeFleetInfra.keys().privateKey())
                .mint("test-" + role, null, List.of(role), Duration.ofMinutes(30));
    }
}
