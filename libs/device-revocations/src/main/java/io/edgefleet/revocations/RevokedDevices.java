package io.edgefleet.revocations;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.deviceauth.DeviceAuthErrorCode;
import io.edgefleet.deviceauth.DeviceCaller;
import io.edgefleet.deviceauth.DeviceRevocations;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Devices whose credentials were revoked, for a service whose device endpoints are not
 * provisioning's own. One replica's consumer records each revocation in the database; every
 * replica reloads the set every {@code edgefleet.device-revocations.refresh} (5 s), so a revoked
 * device is refused by all of them within seconds, before its last access token would have expired.
 */
@ApplicationScoped
public class RevokedDevices implements DeviceRevocations {

    private final EntityManager entityManager;
    private volatile Set<UUID> revoked = Set.of();

    public RevokedDevices(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void refuseRevoked(DeviceCaller device) {
        if (revoked.contains(device.deviceId())) {
            throw new FleetException(DeviceAuthErrorCode.DEVICE_REVOKED, "device " + device.deviceId() + " was revoked");
        }
    }

    /** Records a revocation (in the caller's transaction) and applies it on this replica at once. */
    public void record(UUID deviceId, String orgId, OffsetDateTime at) {
        entityManager.createNativeQuery("INSERT INTO revoked_device (device_id, org_id, revoked_at) VALUES (:d, :o, :at) "
                + "ON CONFLICT DO NOTHING").setParameter("d", deviceId).setParameter("o", orgId).setParameter("at", at)
                .executeUpdate();
        revoked = union(revoked, deviceId);
    }

    @Scheduled(every = "${edgefleet.device-revocations.refresh:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reload() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT device_id FROM revoked_device").getResultList());
        revoked = Set.copyOf(ids);
    }

    private static Set<UUID> union(Set<UUID> set, UUID added) {
        return java.util.stream.Stream.concat(set.stream(), java.util.stream.Stream.of(added)).collect(Collectors.toUnmodifiableSet());
    }
}
