package io.edgefleet.secrets;

/**
 * Where key-encryption keys live. The default is {@link KeystoreKeyEncryptionKeys} (a local
 * PKCS#12 file); production may provide a KMS-backed bean of this type instead. A KEK never
 * leaves its provider: data keys are sent in to be wrapped and unwrapped.
 */
public interface KeyEncryptionKeys {

    /** The KEK new data keys are wrapped with. */
    String currentId();

    byte[] wrap(String kekId, byte[] dataKey);

    /** @throws SecretException when the KEK is unknown or the wrapped key was not made by it */
    byte[] unwrap(String kekId, byte[] wrappedDataKey);
}
