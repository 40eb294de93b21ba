package io.edgefleet.localinfra;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Mints RS256 user tokens with the claims EdgeFleet services verify: issuer, audience,
 * {@code groups} (roles) and {@code org} (tenant). Used only by tests and the dev stack.
 */
public final class UserTokens {

    public static final String ISSUER = "https://edgefleet.local/dev-issuer";
    public static final String AUDIENCE = "edgefleet";

    private final PrivateKey signingKey;

    public UserTokens(PrivateKey signingKey) {
        this.signingKey = signingKey;
    }

    /** A token for {@code user} in organization {@code org} holding {@code roles}. */
    public String mint(String user, String org, List<String> roles, Duration ttl) {
        Instant now = Instant.now();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String payload = "{"
                + field("iss", ISSUER) + "," + field("aud", AUDIENCE) + ","
                + field("sub", user) + "," + field("upn", user) + ","
                + (org == null ? "" : field("org", org) + ",")
                + "\"groups\":[" + roles.stream().map(UserTokens::quoted).collect(Collectors.joining(",")) + "],"
                + field("jti", UUID.randomUUID().toString()) + ","
                + "\"iat\":" + now.getEpochSecond() + ",\"exp\":" + now.plus(ttl).getEpochSecond()
                + "}";
        String signingInput = base64Url(header) + "." + base64Url(payload);
        return signingInput + "." + sign(signingInput);
    }

    private String sign(String signingInput) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(signingKey);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String field(String name, String value) {
        return quoted(name) + ":" + quoted(value);
    }

    /** Claim values here are ids and role names; escaping quotes and backslashes suffices. */
    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
