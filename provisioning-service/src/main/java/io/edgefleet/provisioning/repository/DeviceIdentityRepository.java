package io.edgefleet.provisioning.repository;

import io.edgefleet.provisioning.domain.DeviceIdentity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DeviceIdentityRepository implements PanacheRepositoryBase<DeviceIdentity, UUID> {

    public Optional<DeviceIdentity> findInOrg(String orgId, UUID deviceId) {
        return find("orgId = ?1 and deviceId = ?2", orgId, deviceId).firstResultOptional();
    }
}
