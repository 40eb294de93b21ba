package io.edgefleet.deviceauth;

import io.edgefleet.core.error.FleetException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a verified device token into a security identity: principal = device id, role
 * {@code device}, the device (with its organization) as an attribute. Runs the verifier on a
 * worker thread, since revocation may read the database.
 */
@ApplicationScoped
public class DeviceIdentityProvider implements IdentityProvider<DeviceTokenRequest> {

    /** The {@link SecurityIdentity} attribute that holds the {@link DeviceCaller}. */
    public static final String DEVICE = "edgefleet.device";

    private final DeviceTokenVerifier verifier;

    public DeviceIdentityProvider(DeviceTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Class<DeviceTokenRequest> getRequestType() {
        return DeviceTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(DeviceTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            try {
                DeviceCaller device = verifier.verify(request.token());
                return QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(device.deviceId().toString()))
                        .addRole(DeviceTokenVerifier.DEVICE_ROLE)
                        .addAttribute(DEVICE, device)
                        .build();
            } catch (FleetException refused) {
                // The problem mapper answers with the refusal's own code (revoked, expired...).
                throw new AuthenticationFailedException(refused.getMessage(), refused);
            }
        });
    }
}
