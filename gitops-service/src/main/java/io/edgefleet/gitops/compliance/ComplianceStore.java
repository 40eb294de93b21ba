package io.edgefleet.gitops.compliance;

import io.edgefleet.events.EventType;
import io.edgefleet.events.gitops.GitOpsComplianceChanged;
import io.edgefleet.gitops.compliance.ClusterStatusReport.ConfigurationStatus;
import io.edgefleet.gitops.configuration.Configuration;
import io.edgefleet.gitops.delivery.DesiredSets.Desired;
import io.edgefleet.messaging.outbox.Outbox;
import io.edgefleet.projection.read.ProjectedDocuments.Document;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Compliance per cluster × configuration. Only changes are kept in the history and published on
 * {@code fleet.gitops.status} (outbox, in the caller's transaction); a report that changes nothing
 * writes nothing but its time.
 */
@ApplicationScoped
public class ComplianceStore {

    private static final int REVISION = 253;

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final Clock clock;

    public ComplianceStore(EntityManager entityManager, Outbox outbox, Clock clock) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.clock = clock;
    }

    private record Row(String state, String message, String revision) {
    }

    /**
     * The cluster's rows brought in line with what it is assigned: new ones pending (or suspended),
     * unassigned ones gone, and so are those of its machines' one-machine clusters from before
     * they joined it (a machine is its own cluster until its agent's report names the cluster).
     */
    public void reconcile(String orgId, Desired desired) {
        UUID cluster = desired.cluster().clusterId();
        List<UUID> formerClusters = desired.cluster().machines().stream().map(Document::deviceId).filter(id -> !id.equals(cluster))
                .toList();
        if (!formerClusters.isEmpty()) {
            entityManager.createNativeQuery("DELETE FROM gitops_compliance WHERE org_id = :org AND cluster_id IN (:former)")
                    .setParameter("org", orgId).setParameter("former", formerClusters).executeUpdate();
        }
        Map<UUID, Row> rows = rows(orgId, cluster);
        Set<UUID> assigned = desired.assigned().stream().map(c -> c.id).collect(Collectors.toSet());
        rows.keySet().stream().filter(id -> !assigned.contains(id)).forEach(id -> entityManager.createNativeQuery(
                        "DELETE FROM gitops_compliance WHERE configuration_id = :c AND cluster_id = :k AND org_id = :org")
                .setParameter("c", id).setParameter("k", cluster).setParameter("org", orgId).executeUpdate());
        for (Configuration configuration : desired.assigned()) {
            Row row = rows.get(configuration.id);
            ComplianceState initial = ComplianceState.initial(configuration);
            boolean suspendChanged = row != null && (ComplianceState.SUSPENDED.equals(row.state()) != ComplianceState.SUSPENDED.equals(initial.state()));
            if (row == null || suspendChanged) {
                transition(orgId, desired, configuration, row, initial);
            }
        }
    }

    /** The applying machine's report, judged for every configuration its cluster is assigned. */
    public void report(String orgId, Desired desired, ClusterStatusReport report) {
        Map<UUID, ConfigurationStatus> reported = new HashMap<>();
        if (report.configurations() != null) {
            report.configurations().stream().filter(s -> s != null && s.id() != null).forEach(s -> reported.put(s.id(), s));
        }
        reconcile(orgId, desired);
        Map<UUID, Row> rows = rows(orgId, desired.cluster().clusterId());
        for (Configuration configuration : desired.assigned()) {
            ComplianceState judged = ComplianceState.judged(configuration, report.fluxInstalled(), reported.get(configuration.id));
            transition(orgId, desired, configuration, rows.get(configuration.id), judged);
        }
        entityManager.createNativeQuery("UPDATE gitops_compliance SET reported_at = :now WHERE org_id = :org AND cluster_id = :k")
                .setParameter("now", OffsetDateTime.now(clock)).setParameter("org", orgId)
                .setParameter("k", desired.cluster().clusterId()).executeUpdate();
    }

    private void transition(String orgId, Desired desired, Configuration configuration, Row current, ComplianceState next) {
        String revision = next.revision() == null ? (current == null ? null : current.revision())
                : next.revision().substring(0, Math.min(REVISION, next.revision().length()));
        if (current != null && current.state().equals(next.state()) && Objects.equals(current.message(), next.message())
                && Objects.equals(current.revision(), revision)) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID cluster = desired.cluster().clusterId();
        UUID device = desired.cluster().applier().deviceId();
        entityManager.createNativeQuery("INSERT INTO gitops_compliance (configuration_id, cluster_id, org_id, device_id, state, message, "
                        + "revision, changed_at) VALUES (:c, :k, :org, :d, :s, :m, :r, :now) ON CONFLICT (configuration_id, cluster_id) "
                        + "DO UPDATE SET device_id = EXCLUDED.device_id, state = EXCLUDED.state, message = EXCLUDED.message, "
                        + "revision = EXCLUDED.revision, changed_at = EXCLUDED.changed_at")
                .setParameter("c", configuration.id).setParameter("k", cluster).setParameter("org", orgId).setParameter("d", device)
                .setParameter("s", next.state()).setParameter("m", next.message()).setParameter("r", revision)
                .setParameter("now", now).executeUpdate();
        String previous = current == null ? null : current.state();
        entityManager.createNativeQuery("INSERT INTO gitops_compliance_history (org_id, configuration_id, cluster_id, previous_state, "
                        + "state, message, revision, changed_at) VALUES (:org, :c, :k, :p, :s, :m, :r, :now)")
                .setParameter("org", orgId).setParameter("c", configuration.id).setParameter("k", cluster).setParameter("p", previous)
                .setParameter("s", next.state()).setParameter("m", next.message()).setParameter("r", revision)
                .setParameter("now", now).executeUpdate();
        outbox.record(EventType.GITOPS_COMPLIANCE_CHANGED, orgId, cluster.toString(), new GitOpsComplianceChanged(cluster.toString(),
                device.toString(), configuration.id.toString(), configuration.name, previous, next.state(), next.message(), revision,
                now.toInstant()));
    }

    private Map<UUID, Row> rows(String orgId, UUID cluster) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = entityManager.createNativeQuery("SELECT configuration_id, state, message, revision FROM gitops_compliance "
                + "WHERE org_id = :org AND cluster_id = :k").setParameter("org", orgId).setParameter("k", cluster).getResultList();
        Map<UUID, Row> rows = new HashMap<>();
        found.forEach(r -> rows.put((UUID) r[0], new Row((String) r[1], (String) r[2], (String) r[3])));
        return rows;
    }
}
