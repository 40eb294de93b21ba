package io.edgefleet.secrets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Where the local key-encryption keys are ({@link KeystoreKeyEncryptionKeys}). */
@ConfigMapping(prefix = "edgefleet.secrets")
public interface SecretsConfig {

    /**
     * The PKCS#12 keystore holding the KEKs (AES secret keys, the alias is the KEK id). Created,
     * with a first KEK, when missing: fine for the dev stack; production mounts one from a
     * Kubernetes secret, or provides a KMS-backed {@link KeyEncryptionKeys} bean instead.
     */
    @WithDefault("${user.home}/.edgefleet/kek.p12")
    String keystore();

    /** The keystore's password; set it from a secret in production. */
    @WithDefault("edgefleet-dev-only")
    String keystorePassword();

    /** The KEK to wrap new data keys with; absent means the newest in the keystore. */
    Optional<String> currentKek();
}
