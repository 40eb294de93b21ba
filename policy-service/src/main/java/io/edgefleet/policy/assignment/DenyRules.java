package io.edgefleet.policy.assignment;

import io.edgefleet.events.EventType;
import io.edgefleet.events.policy.DenyRule;
import io.edgefleet.messaging.outbox.Outbox;
import io.edgefleet.policy.definition.PolicyDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Map;

/**
 * Publishes enforced deny assignments on the compacted {@code fleet.policy.rules} (outbox, in the
 * caller's transaction), so provisioning and update refuse what they forbid from their own copy;
 * an assignment that ends, stops denying or goes dry-run leaves a tombstone.
 */
@ApplicationScoped
public class DenyRules {

    private final Outbox outbox;
    private final EntityManager entityManager;
    private final Clock clock;

    public DenyRules(Outbox outbox, EntityManager entityManager, Clock clock) {
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The assignment's rule as it stands now, with its resolved parameters. */
    public void publish(Assignment assignment, PolicyDefinition policy, Map<String, Object> params) {
        if (!assignment.enforced() || !Assignment.DENY.equals(assignment.effect)) {
            withdraw(assignment);
            return;
        }
        outbox.record(EventType.DENY_RULE, assignment.orgId, assignment.id.toString(), new DenyRule(assignment.id.toString(),
                assignment.name, policy.id.toString(), policy.name, policy.kind, policy.rule, policy.field, policy.message,
                params, assignment.groupId == null ? null : assignment.groupId.toString(), assignment.labelSelector,
                clock.instant()));
        published(assignment, true);
    }

    /** A tombstone, if the rule was ever published. */
    public void withdraw(Assignment assignment) {
        if (assignment.denyPublished) {
            outbox.recordTombstone(EventType.DENY_RULE, assignment.orgId, assignment.id.toString());
            published(assignment, false);
        }
    }

    /** Not through the entity: a background re-publication must not change the version operators hold. */
    private void published(Assignment assignment, boolean published) {
        entityManager.createNativeQuery("UPDATE policy_assignment SET deny_published = :published WHERE id = :id")
                .setParameter("published", published).setParameter("id", assignment.id).executeUpdate();
        assignment.denyPublished = published;
    }
}
