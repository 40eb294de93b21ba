package io.edgefleet.messaging.tx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The one way to take a PostgreSQL advisory lock, so replicas of a service never do the same
 * work at once. A lock is named by a purpose ("outbox-publisher", "alert-rule") and a key within
 * it (a rule id), mapped to PostgreSQL's two-key form: locks of different purposes never
 * collide, whatever their keys. Locks are transaction-scoped: released at commit or rollback, so
 * a crashed replica never keeps one.
 */
@ApplicationScoped
public class AdvisoryLocks {

    private final EntityManager entityManager;

    public AdvisoryLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Takes the lock for the rest of the caller's transaction; false, at once, when another holds it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryLock(String purpose, String key) {
        Object locked = entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext(:purpose), hashtext(:key))")
                .setParameter("purpose", purpose).setParameter("key", key).getSingleResult();
        return Boolean.TRUE.equals(locked);
    }

    /** A lock with no key within its purpose: one holder at a time, service-wide. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryLock(String purpose) {
        return tryLock(purpose, "");
    }
}
