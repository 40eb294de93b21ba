package io.edgefleet.deviceauth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A device access token presented on a device endpoint, before it is verified. */
public final class DeviceTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    public DeviceTokenRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
