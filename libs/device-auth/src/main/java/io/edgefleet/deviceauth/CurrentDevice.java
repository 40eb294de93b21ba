package io.edgefleet.deviceauth;

import io.edgefleet.core.error.FleetException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** The device calling the current request, as the device mechanism authenticated it. */
@RequestScoped
public class CurrentDevice {

    private final SecurityIdentity identity;

    public CurrentDevice(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller; only on endpoints that require the {@code device} role. */
    public DeviceCaller get() {
        DeviceCaller device = identity.getAttribute(DeviceIdentityProvider.DEVICE);
        if (device == null) {
            throw new FleetException(DeviceAuthErrorCode.DEVICE_TOKEN_INVALID, "a device access token is required");
        }
        return device;
    }
}
