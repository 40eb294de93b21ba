package io.edgefleet.telemetry.security;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.rest.security.TokenRejections;
import io.edgefleet.telemetry.config.TelemetryConfig;
import io.edgefleet.telemetry.ingest.TelemetryErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;

/**
 * Verifies device access tokens issued by provisioning-service, against its JWKS (fetched and
 * cached, refetched for an unknown key id), and refuses devices revoked since.
 */
@ApplicationScoped
public class DeviceTokenVerifier {

    private final JwtConsumer consumer;
    private final RevokedDevices revoked;

    public DeviceTokenVerifier(TelemetryConfig config, RevokedDevices revoked) {
        this.revoked = revoked;
        this.consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(30)
                .setExpectedIssuer(config.deviceTokenIssuer())
                .setExpectedAudience(config.deviceTokenAudience())
                .setVerificationKeyResolver(keys(config.deviceTokenJwks()))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
    }

    /** The calling device's id and organization, from a {@code Bearer} header value. */
    public DeviceCaller verify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new FleetException(TelemetryErrorCode.DEVICE_TOKEN_INVALID, "a device access token is required");
        }
        try {
            JwtClaims claims = consumer.processToClaims(authorization.substring(7).trim());
            if (!claims.getStringListClaimValue("groups").contains("device")) {
                throw new FleetException(TelemetryErrorCode.DEVICE_TOKEN_INVALID, "not a device token");
            }
            UUID device = UUID.fromString(claims.getSubject());
            if (revoked.isRevoked(device)) {
                throw new FleetException(TelemetryErrorCode.DEVICE_REVOKED, "device " + device + " was revoked");
            }
            return new DeviceCaller(device, claims.getStringClaimValue("org"));
        } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException | IllegalArgumentException e) {
            throw new FleetException(TelemetryErrorCode.DEVICE_TOKEN_INVALID,
                    "device token rejected: " + TokenRejections.reason(e));
        }
    }

    private static VerificationKeyResolver keys(String location) {
        if (!location.startsWith("file:")) {
            return new HttpsJwksVerificationKeyResolver(new HttpsJwks(location));
        }
        try {
            return new JwksVerificationKeyResolver(new JsonWebKeySet(Files.readString(Path.of(URI.create(location))))
                    .getJsonWebKeys());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException("device-token JWKS at " + location + " is unreadable", e);
        }
    }

    /** An authenticated device. */
    public record DeviceCaller(UUID deviceId, String orgId) {
    }
}
