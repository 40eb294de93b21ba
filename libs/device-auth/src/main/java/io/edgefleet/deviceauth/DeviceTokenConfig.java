package io.edgefleet.deviceauth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How device access tokens are recognised; the same settings in every service with device endpoints. */
@ConfigMapping(prefix = "edgefleet.device-tokens")
public interface DeviceTokenConfig {

    /** {@code iss} of device access tokens. */
    @WithDefault("edgefleet-provisioning")
    String issuer();

    /** {@code aud} of device access tokens. */
    @WithDefault("edgefleet-devices")
    String audience();

    /**
     * provisioning-service's JWKS of device-token keys: an http(s) URL, or a {@code file:} URL
     * (offline trust anchors). Unused where the signing keys are local (provisioning itself).
     */
    Optional<String> jwks();

    /** Clock skew tolerated on {@code exp} and {@code iat}: device clocks drift. */
    @WithDefault("30s")
    Duration clockSkew();
}
