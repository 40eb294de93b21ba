package io.edgefleet.provisioning.security;

import io.edgefleet.secrets.Secrets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Keeps every stored signing key sealed with the current key-encryption key: seals a key still
 * in plaintext (written before encryption at rest) and re-wraps one sealed with an older KEK,
 * at start and then periodically, so a KEK rotation completes without a restart. A row is
 * updated only if it still holds what was read (another replica may be doing the same).
 */
@ApplicationScoped
public class SigningKeySealing {

    private final EntityManager entityManager;
    private final Secrets secrets;

    public SigningKeySealing(EntityManager entityManager, Secrets secrets) {
        this.entityManager = entityManager;
        this.secrets = secrets;
    }

    void onStart(@Observes StartupEvent start) {
        reseal();
    }

    @Scheduled(every = "${edgefleet.secrets.rewrap-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodically() {
        reseal();
    }

    /** Returns how many keys it sealed or re-wrapped. */
    public int reseal() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("SELECT kid, private_key FROM signing_key").getResultList();
            int changed = 0;
            for (Object[] row : rows) {
                String stored = (String) row[1];
                String sealed = Secrets.isSealed(stored) ? secrets.rewrap(stored) : secrets.seal(stored);
                if (!sealed.equals(stored)) {
                    changed += entityManager.createNativeQuery("UPDATE signing_key SET private_key = :sealed "
                                    + "WHERE kid = :kid AND private_key = :stored").setParameter("sealed", sealed)
                            .setParameter("kid", row[0]).setParameter("stored", stored).executeUpdate();
                }
            }
            return changed;
        });
    }
}
