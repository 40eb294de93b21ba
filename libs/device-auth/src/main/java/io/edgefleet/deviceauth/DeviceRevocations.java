package io.edgefleet.deviceauth;

/**
 * Whether a device with a valid token may still come in. Each service with device endpoints
 * provides one: provisioning reads its identities, the others a set kept from revocation events.
 */
public interface DeviceRevocations {

    /** Throws {@code FleetException} with {@link DeviceAuthErrorCode} when the device is revoked or unknown. */
    void refuseRevoked(DeviceCaller device);
}
