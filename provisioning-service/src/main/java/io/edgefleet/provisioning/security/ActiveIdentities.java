package io.edgefleet.provisioning.security;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.deviceauth.DeviceAuthErrorCode;
import io.edgefleet.deviceauth.DeviceCaller;
import io.edgefleet.deviceauth.DeviceRevocations;
import io.edgefleet.provisioning.domain.DeviceIdentity;
import io.edgefleet.provisioning.repository.DeviceIdentityRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Provisioning holds the identities, so it checks revocation against them on every device call:
 * a revoked device is refused at once, not when its last access token expires.
 */
@ApplicationScoped
public class ActiveIdentities implements DeviceRevocations {

    private final DeviceIdentityRepository identities;

    public ActiveIdentities(DeviceIdentityRepository identities) {
        this.identities = identities;
    }

    @Override
    @Transactional
    public void refuseRevoked(DeviceCaller device) {
        active(device);
    }

    /** The caller's identity, if it is known in its organization and still active. */
    public DeviceIdentity active(DeviceCaller caller) {
        DeviceIdentity device = identities.findInOrg(caller.orgId(), caller.deviceId()).orElseThrow(() -> new FleetException(
                DeviceAuthErrorCode.DEVICE_TOKEN_INVALID, "device " + caller.deviceId() + " is unknown"));
        refuseRevoked(device);
        return device;
    }

    /** Refuses a revoked identity. */
    public static void refuseRevoked(DeviceIdentity device) {
        if (!device.isActive()) {
            throw new FleetException(DeviceAuthErrorCode.DEVICE_REVOKED, "device " + device.deviceId + " was revoked");
        }
    }
}
