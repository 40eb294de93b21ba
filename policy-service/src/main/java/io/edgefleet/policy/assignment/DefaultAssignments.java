package io.edgefleet.policy.assignment;

import io.edgefleet.policy.config.PolicyConfig;
import io.edgefleet.policy.definition.BuiltInLibrary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives an organization the edge-rule built-ins, assigned in audit mode to all its devices, once:
 * when its first device is projected. An operator who later changes or deletes one keeps that
 * change ({@code organization_defaults} remembers the organization was served).
 */
@ApplicationScoped
public class DefaultAssignments {

    /** Names of default assignments: {@code edge-rules/<policy name>}. */
    public static final String PREFIX = "edge-rules/";

    private final EntityManager entityManager;
    private final BuiltInLibrary library;
    private final PolicyConfig config;
    private final Clock clock;
    private final Set<String> served = ConcurrentHashMap.newKeySet();

    public DefaultAssignments(EntityManager entityManager, BuiltInLibrary library, PolicyConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.library = library;
        this.config = config;
        this.clock = clock;
    }

    /** In the caller's transaction; cheap after the first call per organization and replica. */
    public void ensure(String orgId) {
        if (!config.defaultAssignments() || served.contains(orgId)) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int first = entityManager.createNativeQuery("INSERT INTO organization_defaults (org_id, library_version, applied_at) "
                        + "VALUES (:org, :version, :now) ON CONFLICT (org_id) DO NOTHING")
                .setParameter("org", orgId).setParameter("version", library.library().version()).setParameter("now", now)
                .executeUpdate();
        if (first > 0) {
            library.edgeRules().forEach(policy -> entityManager.createNativeQuery("INSERT INTO policy_assignment (id, org_id, "
                            + "name, policy_id, params, effect, enforcement, by_default, evaluation_due_at, created_at, updated_at, "
                            + "version) VALUES (:id, :org, :name, :policy, '{}'::jsonb, 'audit', 'enforced', TRUE, :now, :now, :now, 0) "
                            + "ON CONFLICT (org_id, name) DO NOTHING")
                    .setParameter("id", java.util.UUID.randomUUID()).setParameter("org", orgId)
                    .setParameter("name", PREFIX + policy.name()).setParameter("policy", policy.id())
                    .setParameter("now", now).executeUpdate());
        }
        served.add(orgId);
    }
}
