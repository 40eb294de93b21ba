package io.edgefleet.provisioning.gateway;

import io.edgefleet.provisioning.config.ProvisioningConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The machines of a cluster as inventory's projection knows them (enrolled, active identities),
 * and which of them can take a cluster command now: connected first (a session here, or seen
 * within {@code edgefleet.provisioning.machine-offline-after} through any replica), control-plane
 * machines before workers, then by id so that every replica chooses alike.
 */
@ApplicationScoped
public class ClusterMachines {

    /** One machine of a cluster. */
    public record Machine(UUID deviceId, UUID inventoryId, boolean controlPlane, boolean online) {
    }

    private final EntityManager entityManager;
    private final AgentSessions sessions;
    private final ProvisioningConfig config;
    private final Clock clock;

    public ClusterMachines(EntityManager entityManager, AgentSessions sessions, ProvisioningConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.sessions = sessions;
        this.config = config;
        this.clock = clock;
    }

    /** The cluster's machines, best target first. */
    public List<Machine> of(String orgId, UUID clusterId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT i.device_id, p.device_id AS inventory_id, "
                        + "p.cluster_role, i.last_seen_at FROM device_projection p JOIN device_identity i "
                        + "ON i.device_id = p.identity_id AND i.org_id = p.org_id WHERE p.org_id = :org AND p.cluster_id = :cluster "
                        + "AND p.decommissioned_at IS NULL AND i.status = 'ACTIVE' AND i.decommissioned_at IS NULL")
                .setParameter("org", orgId).setParameter("cluster", clusterId).getResultList();
        OffsetDateTime recent = OffsetDateTime.now(clock).minus(config.machineOfflineAfter());
        return rows.stream().map(r -> new Machine((UUID) r[0], (UUID) r[1], "control-plane".equals(r[2]),
                        online((UUID) r[0], lastSeen(r[3]), recent)))
                .sorted(Comparator.comparing((Machine m) -> !m.online()).thenComparing(m -> !m.controlPlane())
                        .thenComparing(Machine::deviceId))
                .toList();
    }

    private boolean online(UUID deviceId, OffsetDateTime lastSeen, OffsetDateTime recent) {
        return sessions.connectedHere(deviceId).orElseGet(() -> lastSeen != null && lastSeen.isAfter(recent));
    }

    private static OffsetDateTime lastSeen(Object value) {
        if (value == null || value instanceof OffsetDateTime) {
            return (OffsetDateTime) value;
        }
        java.time.Instant instant = value instanceof java.sql.Timestamp ts ? ts.toInstant() : (java.time.Instant) value;
        return instant.atOffset(ZoneOffset.UTC);
    }
}
