package io.edgefleet.gitops.delivery;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.gitops.GitOpsErrorCode;
import io.edgefleet.gitops.compliance.ClusterStatusReport;
import io.edgefleet.gitops.compliance.ComplianceStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The device API's two calls: a machine fetches its desired configurations and reports their state on its cluster. */
@ApplicationScoped
public class AgentDelivery {

    private final EntityManager entityManager;
    private final DesiredSets sets;
    private final ComplianceStore compliance;
    private final Clock clock;

    public AgentDelivery(EntityManager entityManager, DesiredSets sets, ComplianceStore compliance, Clock clock) {
        this.entityManager = entityManager;
        this.sets = sets;
        this.compliance = compliance;
        this.clock = clock;
    }

    /**
     * The machine's set, credentials included; it counts as told of this fingerprint, so a pending
     * nudge for the same set is not sent.
     *
     * @param deviceId provisioning's id (the device token's subject)
     */
    @Transactional
    public DesiredConfigurations fetch(String orgId, UUID deviceId) {
        DesiredSets.Desired desired = desired(orgId, deviceId, true);
        compliance.reconcile(orgId, desired);
        String fingerprint = desired.set().fingerprint();
        entityManager.createNativeQuery("INSERT INTO gitops_delivery (device_id, org_id, announced, announced_at, fetched_at) "
                        + "VALUES (:d, :org, :f, :now, :now) ON CONFLICT (device_id) DO UPDATE SET announced = EXCLUDED.announced, "
                        + "announced_at = EXCLUDED.announced_at, fetched_at = EXCLUDED.fetched_at WHERE gitops_delivery.org_id = :org")
                .setParameter("d", deviceId).setParameter("org", orgId).setParameter("f", fingerprint)
                .setParameter("now", OffsetDateTime.now(clock)).executeUpdate();
        return desired.set();
    }

    /** The applying machine's report; another machine's is refused (409): it does not hold the cluster's configurations. */
    @Transactional
    public void report(String orgId, UUID deviceId, ClusterStatusReport report) {
        DesiredSets.Desired desired = desired(orgId, deviceId, false);
        if (!desired.set().applies()) {
            throw new FleetException(GitOpsErrorCode.NOT_THE_APPLYING_MACHINE, "machine " + deviceId + " does not apply cluster "
                    + desired.cluster().clusterId() + "'s configurations; " + desired.cluster().applier().deviceId() + " does");
        }
        compliance.report(orgId, desired, report);
    }

    private DesiredSets.Desired desired(String orgId, UUID deviceId, boolean withCredentials) {
        return sets.of(orgId, deviceId, sets.configurations(orgId), withCredentials).orElseThrow(() -> new FleetException(
                GitOpsErrorCode.DEVICE_NOT_PROJECTED, "device " + deviceId + " is not in this service's inventory projection yet; retry"));
    }
}
