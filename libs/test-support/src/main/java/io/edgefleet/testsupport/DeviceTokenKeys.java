package io.edgefleet.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

/**
 * Stands in for provisioning-service's signing key in a service with device endpoints: a key pair
 * made for this test run, its JWKS in a file the service trusts (as offline trust anchors would
 * be), and device tokens signed with it. A service registers it once with
 * {@code @QuarkusTestResource(DeviceTokenKeys.class)} on a class of its own tests.
 */
public class DeviceTokenKeys implements QuarkusTestResourceLifecycleManager {

    private static KeyPair keys;

    @Override
    public synchronized Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) keys.getPublic());
            jwk.setKeyId("test-key");
            Path file = Files.createTempFile("device-jwks", ".json");
            Files.writeString(file, new JsonWebKeySet(jwk).toJson());
            return Map.of("edgefleet.device-tokens.jwks", file.toUri().toString(),
                    "edgefleet.device-revocations.refresh", "1s");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
    }

    /** A device access token as provisioning-service would issue it. */
    public static String deviceToken(String deviceId, String org) {
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer("edgefleet-provisioning");
            claims.setAudience("edgefleet-devices");
            claims.setSubject(deviceId);
            claims.setClaim("org", org);
            claims.setStringListClaim("groups", List.of("device"));
            claims.setExpirationTimeMinutesInTheFuture(10);
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(keys.getPrivate());
            jws.setKeyIdHeaderValue("test-key");
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
