package io.edgefleet.policy.definition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Where a policy is assigned, read and marked through the assignment table itself, so
 * definitions need nothing of the assignment package (which needs them).
 */
@ApplicationScoped
public class PolicyUse {

    private final EntityManager entityManager;
    private final Clock clock;

    public PolicyUse(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public boolean isAssigned(UUID policyId) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM policy_assignment WHERE policy_id = :id")
                .setParameter("id", policyId).getSingleResult()).longValue() > 0;
    }

    /** The policy changed: each of its assignments re-evaluates its whole scope. */
    public void changed(UUID policyId) {
        entityManager.createNativeQuery("UPDATE policy_assignment SET evaluation_due_at = :now WHERE policy_id = :id")
                .setParameter("now", OffsetDateTime.now(clock)).setParameter("id", policyId).executeUpdate();
    }
}
