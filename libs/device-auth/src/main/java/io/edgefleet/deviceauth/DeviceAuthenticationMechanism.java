package io.edgefleet.deviceauth;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * The one way device endpoints authenticate: a device access token as {@code Authorization:
 * Bearer}. Endpoints opt in with {@code @HttpAuthenticationMechanism(SCHEME)} and
 * {@code @RolesAllowed("device")}; elsewhere the user-token mechanism runs
 * first, so a device token is never accepted as a user's (it fails the user-token check: another
 * issuer and key) and a user token never reaches a device endpoint.
 */
@ApplicationScoped
public class DeviceAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The scheme {@code @HttpAuthenticationMechanism} selects. */
    public static final String SCHEME = "device";
    private static final String BEARER = "bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().optional(Optional.empty());
        }
        DeviceTokenRequest request = new DeviceTokenRequest(authorization.substring(BEARER.length()).trim());
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer error=\"invalid_token\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(DeviceTokenRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer", SCHEME));
    }

    /** After the user-token mechanism, so unannotated endpoints treat every bearer token as a user's. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY - 500;
    }
}
