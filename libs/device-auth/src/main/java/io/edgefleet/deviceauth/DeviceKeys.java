package io.edgefleet.deviceauth;

import org.jose4j.keys.resolvers.VerificationKeyResolver;

/**
 * Where the keys that sign device tokens come from. The default reads provisioning's JWKS;
 * provisioning-service, which holds the keys, provides its own bean.
 */
public interface DeviceKeys {

    VerificationKeyResolver resolver();
}
