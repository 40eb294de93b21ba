package io.edgefleet.provisioning.security;

import io.edgefleet.secrets.Secrets;

import io.edgefleet.provisioning.domain.SigningKey;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The keys that sign device access tokens, kept in the database so every replica signs and
 * verifies with the same set. The first replica to need one creates it; if two race, both keys
 * are valid and published. Private keys are stored sealed ({@link Secrets}); {@link SigningKeySealing}
 * seals rows written before that and re-wraps them after a KEK rotation.
 */
@ApplicationScoped
public class SigningKeys {

    private final EntityManager entityManager;
    private final Secrets secrets;
    private volatile Map<String, SigningKey> active = Map.of();
    private final Map<String, PrivateKey> privateKeys = new ConcurrentHashMap<>();

    public SigningKeys(EntityManager entityManager, Secrets secrets) {
        this.entityManager = entityManager;
        this.secrets = secrets;
    }

    /** The key to sign with now: the newest unretired one. */
    public SigningKey current() {
        if (active.isEmpty()) {
            reload();
        }
        if (active.isEmpty()) {
            create();
            reload();
        }
        return active.values().stream().max((a, b) -> a.createdAt.compareTo(b.createdAt)).orElseThrow();
    }

    public PrivateKey privateKey(SigningKey key) {
        return privateKeys.computeIfAbsent(key.kid, kid -> KeyCodec.parseRsaPrivateKey(Secrets.isSealed(key.privateKey)
                ? secrets.openText(key.privateKey) : key.privateKey));
    }

    /** The public key named {@code kid}, reloading once for keys made by another replica. */
    public PublicKey publicKey(String kid) {
        SigningKey key = active.get(kid);
        if (key == null) {
            reload();
            key = active.get(kid);
        }
        return key == null ? null : KeyCodec.parseDevicePublicKey(key.publicKey).orElse(null);
    }

    /** Every key a verifier should accept (for the JWKS). */
    public List<SigningKey> published() {
        current();
        return List.copyOf(active.values());
    }

    private void reload() {
        List<SigningKey> keys = QuarkusTransaction.joiningExisting().call(() -> entityManager
                .createQuery("from SigningKey where retiredAt is null", SigningKey.class).getResultList());
        active = keys.stream().collect(Collectors.toUnmodifiableMap(k -> k.kid, k -> k));
    }

    private void create() {
        KeyPair pair = KeyCodec.newRsaKeyPair();
        SigningKey key = new SigningKey();
        key.kid = UUID.randomUUID().toString();
        key.privateKey = secrets.seal(KeyCodec.toPem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        key.publicKey = KeyCodec.toPem("PUBLIC KEY", pair.getPublic().getEncoded());
        key.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        QuarkusTransaction.requiringNew().run(() -> entityManager.persist(key));
    }
}
