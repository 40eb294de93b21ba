package io.edgefleet.provisioning.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** PEM encoding of keys, and which device keys are strong enough to accept. */
public final class KeyCodec {

    private static final int MIN_RSA_BITS = 2048;

    private KeyCodec() {
    }

    /** Parses a device's SPKI PEM public key: RSA of at least 2048 bits, or EC (P-256 and up). */
    public static Optional<PublicKey> parseDevicePublicKey(String pem) {
        if (pem == null || !pem.contains("BEGIN PUBLIC KEY")) {
            return Optional.empty();
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                PublicKey key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
                return acceptable(key) ? Optional.of(key) : Optional.empty();
            } catch (GeneralSecurityException wrongAlgorithm) {
                // try the next one
            }
        }
        return Optional.empty();
    }

    public static PrivateKey parseRsaPrivateKey(String pem) {
        try {
            byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored signing key is unreadable", e);
        }
    }

    public static KeyPair newRsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(MIN_RSA_BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String toPem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** SHA-256 of the key's SubjectPublicKeyInfo, hex: how operators and events name a key. */
    public static String fingerprint(PublicKey key) {
        try {
            return "SHA256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean acceptable(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength() >= MIN_RSA_BITS;
        }
        return key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() >= 256;
    }
}
