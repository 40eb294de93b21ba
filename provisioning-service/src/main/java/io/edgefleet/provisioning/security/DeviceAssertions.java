package io.edgefleet.provisioning.security;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.deviceauth.DeviceTokenConfig;
import io.edgefleet.provisioning.config.ProvisioningConfig;
import io.edgefleet.provisioning.service.ProvisioningErrorCode;
import io.edgefleet.rest.security.TokenRejections;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.PublicKey;
import java.util.UUID;
import java.util.function.Function;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * Proof of possession of a device key (RFC 7523 style): a JWT with {@code iss} = {@code sub} =
 * the device or enrollment id, {@code aud} = this service's issuer name, a short expiry, signed
 * with the private key that never leaves the device.
 */
@ApplicationScoped
public class DeviceAssertions {

    private static final JwtConsumer UNVERIFIED = new JwtConsumerBuilder()
            .setSkipAllValidators().setDisableRequireSignature().setSkipSignatureVerification().build();

    private final ProvisioningConfig config;
    private final DeviceTokenConfig tokens;

    public DeviceAssertions(ProvisioningConfig config, DeviceTokenConfig tokens) {
        this.config = config;
        this.tokens = tokens;
    }

    /** The subject the assertion names, before any verification: only to find its key. */
    public UUID claimedSubject(String assertion) {
        try {
            return UUID.fromString(UNVERIFIED.process(assertion).getJwtClaims().getSubject());
        } catch (InvalidJwtException | MalformedClaimException | IllegalArgumentException | NullPointerException e) {
            throw invalid("assertion is not a JWT with a UUID subject");
        }
    }

    /** Verifies the assertion with the key registered for its subject ({@code keyOf} may return null). */
    public UUID verify(String assertion, Function<UUID, PublicKey> keyOf) {
        UUID subject = claimedSubject(assertion);
        PublicKey key = keyOf.apply(subject);
        if (key == null) {
            throw invalid("no key is registered for " + subject);
        }
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setMaxFutureValidityInMinutes((int) config.assertionMaxLifetime().toMinutes())
                .setAllowedClockSkewInSeconds(30)
                .setExpectedAudience(tokens.issuer())
                .setExpectedSubject(subject.toString())
                .setExpectedIssuer(subject.toString())
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                        AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384)
                .build();
        try {
            JwtContext context = UNVERIFIED.process(assertion);
            consumer.processContext(context);
            return subject;
        } catch (InvalidJwtException e) {
            throw invalid("assertion rejected: " + TokenRejections.reason(e));
        }
    }

    private static FleetException invalid(String detail) {
        return new FleetException(ProvisioningErrorCode.INVALID_DEVICE_ASSERTION, detail);
    }
}
