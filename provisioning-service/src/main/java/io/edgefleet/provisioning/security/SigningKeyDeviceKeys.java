package io.edgefleet.provisioning.security;

import io.edgefleet.deviceauth.DeviceKeys;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

/** Provisioning verifies device tokens with its own signing keys, not over its JWKS endpoint. */
@ApplicationScoped
public class SigningKeyDeviceKeys implements DeviceKeys {

    private final SigningKeys keys;

    public SigningKeyDeviceKeys(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public VerificationKeyResolver resolver() {
        return (jws, nesting) -> keys.publicKey(jws.getKeyIdHeaderValue());
    }
}
