package io.edgefleet.provisioning.security;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.provisioning.config.ProvisioningConfig;
import io.edgefleet.provisioning.domain.DeviceIdentity;
import io.edgefleet.provisioning.domain.SigningKey;
import io.edgefleet.provisioning.service.ProvisioningErrorCode;
import io.edgefleet.rest.security.TokenRejections;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;

/**
 * Device access tokens: short-lived RS256 JWTs with {@code sub} = device id, {@code org} and
 * {@code groups: ["device"]}, signed with {@link SigningKeys} and verifiable by anyone through
 * the JWKS this class renders.
 */
@ApplicationScoped
public class DeviceTokens {

    public static final String DEVICE_ROLE = "device";

    private final SigningKeys keys;
    private final ProvisioningConfig config;

    public DeviceTokens(SigningKeys keys, ProvisioningConfig config) {
        this.keys = keys;
        this.config = config;
    }

    /** A signed access token for an active identity, and when it expires. */
    public IssuedToken issue(DeviceIdentity identity) {
        SigningKey key = keys.current();
        Instant expires = Instant.now().plus(config.deviceTokenLifetime());
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(config.deviceTokenIssuer());
        claims.setAudience(config.deviceTokenAudience());
        claims.setSubject(identity.deviceId.toString());
        claims.setClaim("org", identity.orgId);
        claims.setStringListClaim("groups", List.of(DEVICE_ROLE));
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(expires.getEpochSecond()));
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.privateKey(key));
        jws.setKeyIdHeaderValue(key.kid);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return new IssuedToken(jws.getCompactSerialization(), expires);
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a device token", e);
        }
    }

    /** Verifies signature, issuer, audience, expiry and role; says nothing yet about revocation. */
    public DeviceCaller verify(String token) {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(30)
                .setExpectedIssuer(config.deviceTokenIssuer())
                .setExpectedAudience(config.deviceTokenAudience())
                .setVerificationKeyResolver((jws, nesting) -> keys.publicKey(jws.getKeyIdHeaderValue()))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(token);
            if (!claims.getStringListClaimValue("groups").contains(DEVICE_ROLE)) {
                throw invalid("not a device token");
            }
            return new DeviceCaller(UUID.fromString(claims.getSubject()), claims.getStringClaimValue("org"));
        } catch (InvalidJwtException | MalformedClaimException | IllegalArgumentException e) {
            throw invalid("device token rejected: " + TokenRejections.reason(e));
        }
    }

    /** The JSON Web Key Set of every key a device token may be signed with. */
    public String jwks() {
        JsonWebKeySet set = new JsonWebKeySet();
        for (SigningKey key : keys.published()) {
            RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) keys.publicKey(key.kid));
            jwk.setKeyId(key.kid);
            jwk.setUse("sig");
            jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            set.addJsonWebKey(jwk);
        }
        return set.toJson();
    }

    private static FleetException invalid(String detail) {
        return new FleetException(ProvisioningErrorCode.DEVICE_TOKEN_INVALID, detail);
    }

    /** A token and its expiry. */
    public record IssuedToken(String token, Instant expiresAt) {
    }
}
