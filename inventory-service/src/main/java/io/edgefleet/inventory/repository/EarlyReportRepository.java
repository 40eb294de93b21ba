package io.edgefleet.inventory.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Agent reports that arrived before their device was linked (see V2026_12_02_6): the latest per identity. */
@ApplicationScoped
public class EarlyReportRepository {

    private final EntityManager entityManager;

    public EarlyReportRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Keeps {@code reportJson} unless a later report of the identity is kept already. */
    public void keep(String orgId, UUID identity, String reportJson, Instant reportedAt) {
        entityManager.createNativeQuery("INSERT INTO early_agent_report (org_id, identity_id, report, reported_at) "
                        + "VALUES (:org, :identity, CAST(:report AS jsonb), :at) ON CONFLICT (org_id, identity_id) DO UPDATE "
                        + "SET report = excluded.report, reported_at = excluded.reported_at "
                        + "WHERE early_agent_report.reported_at <= excluded.reported_at")
                .setParameter("org", orgId).setParameter("identity", identity).setParameter("report", reportJson)
                .setParameter("at", reportedAt.atOffset(java.time.ZoneOffset.UTC)).executeUpdate();
    }

    /** Removes and answers the identity's kept report, if any. */
    public Optional<String> take(String orgId, UUID identity) {
        @SuppressWarnings("unchecked")
        List<Object> rows = entityManager.createNativeQuery("DELETE FROM early_agent_report WHERE org_id = :org "
                        + "AND identity_id = :identity RETURNING CAST(report AS text)")
                .setParameter("org", orgId).setParameter("identity", identity).getResultList();
        return rows.stream().findFirst().map(String.class::cast);
    }
}
