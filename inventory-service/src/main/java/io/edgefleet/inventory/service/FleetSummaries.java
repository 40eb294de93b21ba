package io.edgefleet.inventory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Fleet-wide counts, computed by the database. */
@ApplicationScoped
public class FleetSummaries {

    private final EntityManager entityManager;

    public FleetSummaries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Device counts of one organization; devices outside any cluster count under "unknown". */
    public record Summary(long devices, Map<String, Long> byConnectivity, Map<String, Long> byLifecycle,
                          Map<String, Long> byDistribution, Map<String, Long> byKubernetesVersion) {
    }

    public Summary of(String orgId) {
        return new Summary(
                count(orgId, "'all'").values().stream().mapToLong(Long::longValue).sum(),
                count(orgId, "lower(replace(d.connectivity, '_', '-'))"),
                count(orgId, "lower(d.lifecycle)"),
                count(orgId, "COALESCE(c.distribution, 'unknown')"),
                count(orgId, "COALESCE(c.kubernetes_version, 'unknown')"));
    }

    /** {@code key} is one of the fixed expressions above, never user input. */
    private Map<String, Long> count(String orgId, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT " + key + ", count(*) FROM device d "
                + "LEFT JOIN cluster c ON c.id = d.cluster_id WHERE d.org_id = :org GROUP BY 1")
                .setParameter("org", orgId).getResultList();
        Map<String, Long> counts = new TreeMap<>();
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }
}
