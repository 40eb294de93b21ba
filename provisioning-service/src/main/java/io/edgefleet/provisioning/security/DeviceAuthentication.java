package io.edgefleet.provisioning.security;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.provisioning.service.DeviceCredentialService;
import io.edgefleet.provisioning.service.ProvisioningErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Authenticates device endpoints with a device access token. Device endpoints are not open to
 * user tokens, and user endpoints are not open to device tokens: the two never mix.
 */
@ApplicationScoped
public class DeviceAuthentication {

    private static final String BEARER = "Bearer ";

    private final DeviceCredentialService credentials;

    public DeviceAuthentication(DeviceCredentialService credentials) {
        this.credentials = credentials;
    }

    public DeviceCaller require(HttpHeaders headers) {
        return require(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
    }

    /** @param authorization the {@code Authorization} header value */
    public DeviceCaller require(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new FleetException(ProvisioningErrorCode.DEVICE_TOKEN_INVALID, "a device access token is required");
        }
        return credentials.authenticate(authorization.substring(BEARER.length()).trim());
    }
}
