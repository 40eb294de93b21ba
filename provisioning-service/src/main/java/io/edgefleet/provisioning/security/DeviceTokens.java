package io.edgefleet.provisioning.security;

import io.edgefleet.deviceauth.DeviceTokenConfig;
import io.edgefleet.deviceauth.DeviceTokenVerifier;
import io.edgefleet.provisioning.config.ProvisioningConfig;
import io.edgefleet.provisioning.domain.DeviceIdentity;
import io.edgefleet.provisioning.domain.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Device access tokens: short-lived RS256 JWTs with {@code sub} = device id, {@code org} and
 * {@code groups: ["device"]}, signed with {@link SigningKeys} and verifiable by anyone through
 * the JWKS this class renders ({@code DeviceTokenVerifier} in libs/device-auth checks them).
 */
@ApplicationScoped
public class DeviceTokens {

    private final SigningKeys keys;
    private final ProvisioningConfig config;
    private final DeviceTokenConfig tokens;
    private final Clock clock;

    public DeviceTokens(SigningKeys keys, ProvisioningConfig config, DeviceTokenConfig tokens, Clock clock) {
        this.keys = keys;
        this.config = config;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A signed access token for an active identity, and when it expires. */
    public IssuedToken issue(DeviceIdentity identity) {
        SigningKey key = keys.current();
        Instant now = clock.instant();
        Instant expires = now.plus(config.deviceTokenLifetime());
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(tokens.issuer());
        claims.setAudience(tokens.audience());
        claims.setSubject(identity.deviceId.toString());
        claims.setClaim("org", identity.orgId);
        claims.setStringListClaim("groups", List.of(DeviceTokenVerifier.DEVICE_ROLE));
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
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

    /** {@code iss} of the tokens issued here, which verifiers expect. */
    public String issuer() {
        return tokens.issuer();
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

    /** A token and its expiry. */
    public record IssuedToken(String token, Instant expiresAt) {
    }
}
