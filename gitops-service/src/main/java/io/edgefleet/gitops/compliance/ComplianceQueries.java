package io.edgefleet.gitops.compliance;

import io.edgefleet.projection.read.DeviceScopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What operators read of GitOps compliance: per cluster, its transitions, and roll-ups per configuration. */
@ApplicationScoped
public class ComplianceQueries {

    private final EntityManager entityManager;

    public ComplianceQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * One cluster's compliance with a configuration.
     *
     * @param deviceId inventory's id of the machine that applies the cluster's configurations
     */
    public record ClusterCompliance(UUID clusterId, UUID deviceId, String state, String message, String revision,
                                    OffsetDateTime changedAt, OffsetDateTime reportedAt) {
    }

    public record Transition(long id, UUID clusterId, String previousState, String state, String message, String revision,
                             OffsetDateTime changedAt) {
    }

    /** The configuration's clusters in cluster-id order after {@code after}, optionally in one state. */
    @Transactional
    public List<ClusterCompliance> clusters(String orgId, UUID configurationId, String state, UUID after, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT cluster_id, device_id, state, message, revision, changed_at, "
                        + "reported_at FROM gitops_compliance WHERE org_id = :org AND configuration_id = :c "
                        + "AND (CAST(:state AS text) IS NULL OR state = CAST(:state AS text)) "
                        + "AND (CAST(:after AS uuid) IS NULL OR cluster_id > CAST(:after AS uuid)) ORDER BY cluster_id")
                .setParameter("org", orgId).setParameter("c", configurationId).setParameter("state", state)
                .setParameter("after", after).setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new ClusterCompliance((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                time(r[5]), time(r[6]))).toList();
    }

    /** The configuration's transitions, oldest first, after the one numbered {@code after}. */
    @Transactional
    public List<Transition> history(String orgId, UUID configurationId, long after, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT id, cluster_id, previous_state, state, message, revision, "
                        + "changed_at FROM gitops_compliance_history WHERE org_id = :org AND configuration_id = :c AND id > :after "
                        + "ORDER BY id").setParameter("org", orgId).setParameter("c", configurationId).setParameter("after", after)
                .setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new Transition(((Number) r[0]).longValue(), (UUID) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], time(r[6]))).toList();
    }

    /** Clusters per state for each configuration of the organization, counting only those applied by a machine in {@code scope}. */
    @Transactional
    public Map<UUID, Map<String, Long>> counts(String orgId, DeviceScopes.Scope scope) {
        var query = entityManager.createNativeQuery("SELECT configuration_id, state, count(*) FROM gitops_compliance "
                + "WHERE org_id = :org AND " + scope.condition("device_id") + " GROUP BY configuration_id, state "
                + "ORDER BY configuration_id, state").setParameter("org", orgId);
        scope.params().forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<UUID, Map<String, Long>> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.computeIfAbsent((UUID) r[0], k -> new LinkedHashMap<>()).put((String) r[1], ((Number) r[2]).longValue()));
        return counts;
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.time.Instant i ? i.atOffset(java.time.ZoneOffset.UTC) : (OffsetDateTime) value;
    }
}
