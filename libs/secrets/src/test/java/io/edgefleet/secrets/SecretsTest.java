package io.edgefleet.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

    private static final String SECRET = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n";

    @TempDir
    Path dir;

    @Test
    void aSealedSecretOpensAndShowsNothingOfItself() {
        Secrets secrets = secrets(dir.resolve("kek.p12"));
        String sealed = secrets.seal(SECRET);
        assertTrue(Secrets.isSealed(sealed));
        assertFalse(sealed.contains("PRIVATE KEY") || sealed.contains("MIIE"), sealed);
        assertNotEquals(sealed, secrets.seal(SECRET), "a fresh data key and IV every time");
        assertEquals(SECRET, secrets.openText(sealed));
        assertTrue(Files.exists(dir.resolve("kek.p12")), "a missing keystore is created with a first KEK");
    }

    @Test
    void anAlteredOrForeignEnvelopeDoesNotOpenAndTheErrorNamesNoSecret() {
        Secrets secrets = secrets(dir.resolve("kek.p12"));
        String sealed = secrets.seal(SECRET);
        String[] parts = sealed.split(":");
        parts[4] = (parts[4].charAt(0) == 'A' ? "B" : "A") + parts[4].substring(1);
        SecretException altered = assertThrows(SecretException.class, () -> secrets.open(String.join(":", parts)));
        assertFalse(altered.getMessage().contains("PRIVATE"));
        assertThrows(SecretException.class, () -> secrets.open(SECRET));
        assertThrows(SecretException.class, () -> secrets(dir.resolve("other.p12")).open(sealed), "another keystore's KEKs");
        assertFalse(Secrets.isSealed(SECRET));
    }

    @Test
    void rotatingTheKekKeepsOldSecretsReadableAndRewrapMovesThemWithoutTouchingTheData() {
        Path keystore = dir.resolve("kek.p12");
        Secrets secrets = secrets(keystore);
        String before = secrets.seal(SECRET);
        assertTrue(secrets.isCurrent(before));

        String next = KeystoreKeyEncryptionKeys.addKek(keystore, "pw".toCharArray());
        assertFalse(secrets.isCurrent(before), "the file is re-read when it changes");
        assertEquals(SECRET, secrets.openText(before), "the old KEK still unwraps");
        String after = secrets.rewrap(before);
        assertTrue(after.startsWith("ef1:" + next + ":"));
        assertEquals(before.substring(before.lastIndexOf(':')), after.substring(after.lastIndexOf(':')), "same ciphertext");
        assertEquals(SECRET, secrets.openText(after));
        assertEquals(after, secrets.rewrap(after), "already current");
        assertTrue(secrets.seal("x").startsWith("ef1:" + next + ":"), "new secrets use the new KEK");
    }

    @Test
    void aPinnedKekWinsOverTheNewestAndAnUnknownOneIsAClearError() {
        Path keystore = dir.resolve("kek.p12");
        String first = KeystoreKeyEncryptionKeys.addKek(keystore, "pw".toCharArray());
        KeystoreKeyEncryptionKeys.addKek(keystore, "pw".toCharArray());
        assertTrue(new Secrets(keks(keystore, Optional.of(first))).seal("x").startsWith("ef1:" + first + ":"));
        SecretException unknown = assertThrows(SecretException.class,
                () -> new Secrets(keks(keystore, Optional.of("kek-gone"))).seal("x"));
        assertTrue(unknown.getMessage().contains("kek-gone"));
    }

    private static Secrets secrets(Path keystore) {
        return new Secrets(keks(keystore, Optional.empty()));
    }

    private static KeystoreKeyEncryptionKeys keks(Path keystore, Optional<String> current) {
        return new KeystoreKeyEncryptionKeys(new SecretsConfig() {
            @Override
            public String keystore() {
                return keystore.toString();
            }

            @Override
            public String keystorePassword() {
                return "pw";
            }

            @Override
            public Optional<String> currentKek() {
                return current;
            }
        });
    }
}
