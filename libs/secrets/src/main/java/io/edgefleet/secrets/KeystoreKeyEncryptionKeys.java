package io.edgefleet.secrets;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.jboss.logging.Logger;

/**
 * KEKs from a local PKCS#12 keystore (AES-256 secret keys; the alias is the KEK id). Rotation
 * without downtime: add a KEK to the file ({@link #addKek}, or {@code keytool -genseckey}); the
 * file is re-read when it changes, the newest KEK (or {@code edgefleet.secrets.current-kek})
 * wraps new data keys, and the older ones still unwrap until every secret is re-wrapped.
 */
@DefaultBean
@ApplicationScoped
public class KeystoreKeyEncryptionKeys implements KeyEncryptionKeys {

    private static final Logger LOG = Logger.getLogger(KeystoreKeyEncryptionKeys.class);
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final char[] password;
    private final SecretsConfig config;
    private volatile Loaded loaded;

    private record Loaded(FileTime modified, Map<String, SecretKey> keys, String newest) {
    }

    public KeystoreKeyEncryptionKeys(SecretsConfig config) {
        this.config = config;
        this.file = Path.of(config.keystore());
        this.password = config.keystorePassword().toCharArray();
    }

    @Override
    public String currentId() {
        Loaded keys = keys();
        String id = config.currentKek().orElse(keys.newest());
        if (!keys.keys().containsKey(id)) {
            throw new SecretException("current KEK " + id + " is not in " + file);
        }
        return id;
    }

    @Override
    public byte[] wrap(String kekId, byte[] dataKey) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] wrapped = gcm(Cipher.ENCRYPT_MODE, kek(kekId), iv, kekId, dataKey);
        byte[] out = Arrays.copyOf(iv, IV_BYTES + wrapped.length);
        System.arraycopy(wrapped, 0, out, IV_BYTES, wrapped.length);
        return out;
    }

    @Override
    public byte[] unwrap(String kekId, byte[] wrappedDataKey) {
        if (wrappedDataKey.length <= IV_BYTES) {
            throw new SecretException("wrapped data key is truncated");
        }
        return gcm(Cipher.DECRYPT_MODE, kek(kekId), Arrays.copyOf(wrappedDataKey, IV_BYTES), kekId,
                Arrays.copyOfRange(wrappedDataKey, IV_BYTES, wrappedDataKey.length));
    }

    /** Adds a new KEK to the keystore (creating it if missing) and returns its id. */
    public static synchronized String addKek(Path file, char[] password) {
        try {
            KeyStore store = read(file, password);
            String id = "kek-" + System.currentTimeMillis() + "-" + UUID.randomUUID().toString().substring(0, 8);
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            store.setEntry(id, new KeyStore.SecretKeyEntry(generator.generateKey()), new KeyStore.PasswordProtection(password));
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path written = Files.createTempFile(parent, ".kek", ".p12");
            try (OutputStream out = Files.newOutputStream(written)) {
                store.store(out, password);
            }
            // Readers see the old file or the new one, never half of it.
            Files.move(written, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return id;
        } catch (IOException | GeneralSecurityException e) {
            throw new SecretException("cannot add a KEK to " + file, e);
        }
    }

    private SecretKey kek(String id) {
        SecretKey key = keys().keys().get(id);
        if (key == null) {
            throw new SecretException("KEK " + id + " is not in " + file + " (retired before its secrets were re-wrapped?)");
        }
        return key;
    }

    private Loaded keys() {
        try {
            if (!Files.exists(file)) {
                String id = addKek(file, password);
                LOG.warnf("No keystore at %s: created it with a new key-encryption key %s. Keep this file; "
                        + "secrets sealed with it cannot be opened without it.", file, id);
            }
            FileTime modified = Files.getLastModifiedTime(file);
            Loaded current = loaded;
            if (current == null || !current.modified().equals(modified)) {
                current = load(modified);
                loaded = current;
            }
            return current;
        } catch (IOException e) {
            throw new SecretException("cannot read the keystore " + file, e);
        }
    }

    private Loaded load(FileTime modified) {
        try {
            KeyStore store = read(file, password);
            List<String> aliases = new ArrayList<>(Collections.list(store.aliases()));
            Map<String, SecretKey> keys = aliases.stream().filter(a -> isSecretKey(store, a)).collect(Collectors.toMap(
                    a -> a, a -> (SecretKey) entry(store, a)));
            String newest = aliases.stream().filter(keys::containsKey)
                    .max(Comparator.comparing((String a) -> creation(store, a)).thenComparing(a -> a))
                    .orElseThrow(() -> new SecretException("no key-encryption key in " + file));
            return new Loaded(modified, Map.copyOf(keys), newest);
        } catch (IOException | GeneralSecurityException e) {
            throw new SecretException("cannot read the keystore " + file, e);
        }
    }

    private static KeyStore read(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password);
            }
        } else {
            store.load(null, password);
        }
        return store;
    }

    private boolean isSecretKey(KeyStore store, String alias) {
        try {
            return store.entryInstanceOf(alias, KeyStore.SecretKeyEntry.class);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private java.security.Key entry(KeyStore store, String alias) {
        try {
            return store.getKey(alias, password);
        } catch (GeneralSecurityException e) {
            throw new SecretException("cannot read KEK " + alias, e);
        }
    }

    private static java.util.Date creation(KeyStore store, String alias) {
        try {
            return store.getCreationDate(alias);
        } catch (GeneralSecurityException e) {
            return new java.util.Date(0);
        }
    }

    private static byte[] gcm(int mode, SecretKey kek, byte[] iv, String kekId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, kek, new GCMParameterSpec(128, iv));
            cipher.updateAAD(kekId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new SecretException(mode == Cipher.ENCRYPT_MODE ? "wrapping failed" : "the data key was not wrapped by "
                    + kekId, e);
        }
    }
}
