package io.edgefleet.agent.identity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * The device's EC P-256 key pair: generated on the device, the private half never leaves it.
 * Signs the assertions that prove the device's identity to provisioning-service.
 */
public final class DeviceKeys {

    /** {@code aud} of assertions: provisioning-service's name for itself. */
    public static final String AUDIENCE = "edgefleet-provisioning";

    private final KeyPair pair;

    private DeviceKeys(KeyPair pair) {
        this.pair = pair;
    }

    public static DeviceKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new DeviceKeys(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Restores a key pair from the PKCS#8 private key and X.509 public key, both Base64. */
    public static DeviceKeys restore(String privateKeyBase64, String publicKeyBase64) {
        try {
            KeyFactory ec = KeyFactory.getInstance("EC");
            PrivateKey privateKey = ec.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKeyBase64)));
            var publicKey = ec.generatePublic(new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
            return new DeviceKeys(new KeyPair(publicKey, privateKey));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("stored device key is unreadable", e);
        }
    }

    public String privateKeyBase64() {
        return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** A short-lived assertion ({@code iss} = {@code sub} = device or enrollment id) signed with this key. */
    public String assertion(String subject) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(subject);
        claims.setSubject(subject);
        claims.setAudience(AUDIENCE);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(2);
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(pair.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
