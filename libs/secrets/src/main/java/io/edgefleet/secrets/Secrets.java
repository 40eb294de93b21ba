package io.edgefleet.secrets;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens secrets with envelope encryption: a fresh AES-256-GCM data key per secret,
 * wrapped by the current key-encryption key (which authenticates the wrapped key, so an envelope
 * naming another KEK fails to open). {@link #rewrap} moves a secret to the current KEK by
 * re-wrapping its data key; the data itself is not touched.
 */
@ApplicationScoped
public class Secrets {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyEncryptionKeys keks;

    public Secrets(KeyEncryptionKeys keks) {
        this.keks = keks;
    }

    public String seal(String plaintext) {
        return seal(plaintext.getBytes(StandardCharsets.UTF_8));
    }

    public String seal(byte[] plaintext) {
        String kekId = keks.currentId();
        SecretKey dataKey = newDataKey();
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, dataKey, iv, plaintext);
        return new Envelope(kekId, keks.wrap(kekId, dataKey.getEncoded()), iv, ciphertext).text();
    }

    public String openText(String sealed) {
        return new String(open(sealed), StandardCharsets.UTF_8);
    }

    /** @throws SecretException when {@code sealed} is not an envelope, or was altered, or its KEK is gone */
    public byte[] open(String sealed) {
        Envelope envelope = Envelope.parse(sealed);
        SecretKey dataKey = new SecretKeySpec(keks.unwrap(envelope.kekId(), envelope.wrappedKey()), "AES");
        return crypt(Cipher.DECRYPT_MODE, dataKey, envelope.iv(), envelope.ciphertext());
    }

    /** Whether {@code stored} is an envelope (and not, say, a value written before encryption). */
    public static boolean isSealed(String stored) {
        return Envelope.isSealed(stored);
    }

    /** Whether the secret's data key is wrapped by the current KEK. */
    public boolean isCurrent(String sealed) {
        return Envelope.parse(sealed).kekId().equals(keks.currentId());
    }

    /** The same secret with its data key wrapped by the current KEK (unchanged if it already is). */
    public String rewrap(String sealed) {
        Envelope envelope = Envelope.parse(sealed);
        String current = keks.currentId();
        if (envelope.kekId().equals(current)) {
            return sealed;
        }
        byte[] dataKey = keks.unwrap(envelope.kekId(), envelope.wrappedKey());
        return new Envelope(current, keks.wrap(current, dataKey), envelope.iv(), envelope.ciphertext()).text();
    }

    private static SecretKey newDataKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new SecretException("no AES-256 on this JVM", e);
        }
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] iv, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new SecretException(mode == Cipher.ENCRYPT_MODE ? "sealing failed" : "the secret was altered or "
                    + "sealed with another key", e);
        }
    }
}
