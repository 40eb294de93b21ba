package io.edgefleet.access;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Fails closed: a caller whose role covers only some devices may call an operation only if it
 * is declared {@link DeviceScoped}. Organization-wide resources (groups, rules, tokens, bindings,
 * administration) thereby need the role over the whole organization, and an operation that does
 * not narrow by scope cannot leak another scope's devices.
 */
public class ScopeGuard {

    private final CurrentIdentityAssociation identities;

    public ScopeGuard(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    /** Without blocking: the filter may run on the I/O thread, before the identity is resolved. */
    @ServerRequestFilter
    public Uni<Void> guard(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Optional<AccessLevel> needed = method == null ? Optional.empty() : needed(method);
        if (needed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().onItem().invoke(identity -> check(identity, method, needed.get()))
                .replaceWithVoid();
    }

    private static void check(SecurityIdentity identity, Method method, AccessLevel needed) {
        CallerGrants grants = identity.getAttribute(CallerGrants.ATTRIBUTE);
        if (grants == null || grants.organizationWide(needed) || grants.scopedAtLeast(needed).isEmpty()) {
            return;
        }
        if (!method.isAnnotationPresent(DeviceScoped.class) && !method.getDeclaringClass().isAnnotationPresent(DeviceScoped.class)) {
            throw new FleetException(CommonErrorCode.FORBIDDEN, "your " + needed.wireName()
                    + " role covers some devices only; this operation needs it over the whole organization");
        }
    }

    /** The least fleet role the operation admits, if it names one (device endpoints do not). */
    static Optional<AccessLevel> needed(Method method) {
        RolesAllowed allowed = method.isAnnotationPresent(RolesAllowed.class) ? method.getAnnotation(RolesAllowed.class)
                : method.getDeclaringClass().getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            return Optional.empty();
        }
        return Arrays.stream(allowed.value()).map(AccessLevel::ofRole).flatMap(Optional::stream).min(Enum::compareTo);
    }
}
