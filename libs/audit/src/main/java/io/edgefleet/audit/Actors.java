package io.edgefleet.audit;

import io.edgefleet.events.audit.AuditRecorded.Actor;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is acting now: the authenticated user or device of an HTTP request, nobody yet (an
 * anonymous request, such as a device asking to enroll), or this service itself when no request
 * is being answered (a Kafka record, a scheduled job).
 */
@ApplicationScoped
class Actors {

    static final String USER = "user";
    static final String DEVICE = "device";
    static final String SERVICE = "service";
    static final String ANONYMOUS = "anonymous";

    private final Instance<RequestOrigin> origin;
    private final Instance<CurrentIdentityAssociation> identities;
    private final String service;

    Actors(Instance<RequestOrigin> origin, Instance<CurrentIdentityAssociation> identities,
           @ConfigProperty(name = "quarkus.application.name") String service) {
        this.origin = origin;
        this.identities = identities;
        this.service = service;
    }

    String service() {
        return service;
    }

    /** The current request's origin, or null when this service acts on its own. */
    RequestOrigin.Origin request() {
        boolean inRequest = Arc.container().requestContext().isActive() && origin.get().captured();
        return inRequest ? origin.get().copy() : null;
    }

    /** Who acts; called where blocking is allowed (a service method, a consumer). */
    Actor current() {
        if (request() == null) {
            return new Actor(SERVICE, service);
        }
        return of(identities.get().getIdentity());
    }

    /** The caller once authenticated, without blocking (a response filter may run on the I/O thread). */
    Uni<SecurityIdentity> caller() {
        return identities.get().getDeferredIdentity();
    }

    /** The organization of a user, from its token, when there is one. */
    static Optional<String> organization(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken token ? CurrentOrganization.of(token) : Optional.empty();
    }

    Actor anonymous() {
        return new Actor(ANONYMOUS, null);
    }

    Actor of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return anonymous();
        }
        String name = identity.getPrincipal().getName();
        return new Actor(identity.hasRole(FleetRoles.DEVICE) ? DEVICE : USER, name);
    }
}
