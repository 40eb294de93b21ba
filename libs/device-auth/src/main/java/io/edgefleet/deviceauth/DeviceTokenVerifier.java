package io.edgefleet.deviceauth;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.rest.security.TokenRejections;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Verifies a device access token: RS256 signature, issuer, audience, expiry, the {@code device}
 * role, then revocation. The one verifier behind {@link DeviceAuthenticationMechanism} and the
 * agent session's upgrade; may block (revocation can read a database).
 */
@ApplicationScoped
public class DeviceTokenVerifier {

    public static final String DEVICE_ROLE = io.edgefleet.rest.security.FleetRoles.DEVICE;
    private static final String BEARER = "Bearer ";

    private final JwtConsumer consumer;
    private final DeviceRevocations revocations;

    public DeviceTokenVerifier(DeviceTokenConfig config, DeviceKeys keys, DeviceRevocations revocations) {
        this.revocations = revocations;
        this.consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds((int) config.clockSkew().toSeconds())
                .setExpectedIssuer(config.issuer())
                .setExpectedAudience(config.audience())
                .setVerificationKeyResolver(keys.resolver())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
    }

    /** The device behind an {@code Authorization} header value ({@code Bearer <token>}). */
    public DeviceCaller verifyHeader(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new FleetException(DeviceAuthErrorCode.DEVICE_TOKEN_INVALID, "a device access token is required");
        }
        return verify(authorization.substring(BEARER.length()).trim());
    }

    /** The device a token was issued to, if it is valid and the device is not revoked. */
    public DeviceCaller verify(String token) {
        DeviceCaller device;
        try {
            JwtClaims claims = consumer.processToClaims(token);
            List<String> groups = claims.getStringListClaimValue("groups");
            if (groups == null || !groups.contains(DEVICE_ROLE)) {
                throw new FleetException(DeviceAuthErrorCode.DEVICE_TOKEN_INVALID, "not a device token");
            }
            device = new DeviceCaller(UUID.fromString(claims.getSubject()), claims.getStringClaimValue("org"));
        } catch (InvalidJwtException | MalformedClaimException | IllegalArgumentException e) {
            throw new FleetException(DeviceAuthErrorCode.DEVICE_TOKEN_INVALID,
                    "device token rejected: " + TokenRejections.reason(e));
        }
        revocations.refuseRevoked(device);
        return device;
    }
}
