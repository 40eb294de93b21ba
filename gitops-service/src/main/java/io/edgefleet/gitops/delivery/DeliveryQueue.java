package io.edgefleet.gitops.delivery;

import io.edgefleet.gitops.configuration.ConfigurationSpec;
import io.edgefleet.projection.read.ProjectedDocuments;
import io.edgefleet.projection.read.ProjectedDocuments.Document;
import io.edgefleet.projection.read.ProjectedGroups;
import io.edgefleet.projection.read.ScopeMatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which enrolled machines are due to be told that their configurations may have changed, in the
 * caller's transaction. Being due is cheap and may be said too often: {@link DeliveryNudges}
 * tells a machine only when its desired set's fingerprint moved.
 */
@ApplicationScoped
public class DeliveryQueue {

    private static final int PAGE = 500;

    private final EntityManager entityManager;
    private final ProjectedDocuments documents;
    private final ProjectedGroups groups;
    private final Clock clock;

    public DeliveryQueue(EntityManager entityManager, ProjectedDocuments documents, ProjectedGroups groups, Clock clock) {
        this.entityManager = entityManager;
        this.documents = documents;
        this.groups = groups;
        this.clock = clock;
    }

    /** Every machine of every cluster the target covers. */
    public void markDue(String orgId, ConfigurationSpec.Target target) {
        ScopeMatcher scope = new ScopeMatcher(groups, orgId);
        Set<UUID> clusters = new HashSet<>();
        walk(orgId, d -> {
            UUID key = clusterKey(d);
            boolean named = target.clusters() != null && target.clusters().contains(key);
            if (named || target.clusters() == null && scope.covers(target.group(), target.labelSelector(), d.deviceId(),
                    d.state().labels())) {
                clusters.add(key);
            }
        });
        List<UUID> machines = new ArrayList<>();
        walk(orgId, d -> {
            if (clusters.contains(clusterKey(d)) && d.state().identityId() != null) {
                machines.add(UUID.fromString(d.state().identityId()));
            }
        });
        due(orgId, machines);
    }

    /** The machine (inventory's id) and the others of its cluster: its labels, connectivity or cluster changed. */
    public void markClusterOf(String orgId, UUID deviceId) {
        documents.of(orgId, deviceId).ifPresent(d -> {
            List<Document> machines = d.state().clusterId() == null ? List.of(d)
                    : documents.of(orgId, documents.machinesOf(orgId, UUID.fromString(d.state().clusterId())));
            due(orgId, machines.stream().filter(m -> m.state().identityId() != null)
                    .map(m -> UUID.fromString(m.state().identityId())).toList());
        });
    }

    /** Every machine of a cluster whose inventory changed (machines joined or left). */
    public void markCluster(String orgId, UUID clusterId) {
        due(orgId, documents.of(orgId, documents.machinesOf(orgId, clusterId)).stream().filter(m -> m.state().identityId() != null)
                .map(m -> UUID.fromString(m.state().identityId())).toList());
    }

    private void due(String orgId, List<UUID> identities) {
        if (identities.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("INSERT INTO gitops_delivery (device_id, org_id, due_at) "
                        + "SELECT d, :org, :now FROM unnest(CAST(:ids AS uuid[])) d ON CONFLICT (device_id) "
                        + "DO UPDATE SET due_at = COALESCE(gitops_delivery.due_at, EXCLUDED.due_at) WHERE gitops_delivery.org_id = :org")
                .setParameter("org", orgId).setParameter("now", OffsetDateTime.now(clock))
                .setParameter("ids", identities.toArray(UUID[]::new)).executeUpdate();
    }

    private void walk(String orgId, java.util.function.Consumer<Document> visit) {
        UUID after = null;
        List<Document> page;
        do {
            page = documents.page(orgId, after, PAGE);
            page.forEach(visit);
            after = page.isEmpty() ? after : page.get(page.size() - 1).deviceId();
        } while (page.size() == PAGE);
    }

    private static UUID clusterKey(Document d) {
        return d.state().clusterId() == null ? d.deviceId() : UUID.fromString(d.state().clusterId());
    }
}
