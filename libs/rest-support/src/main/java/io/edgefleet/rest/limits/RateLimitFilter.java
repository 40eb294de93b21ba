package io.edgefleet.rest.limits;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.RetryLater;
import io.edgefleet.rest.security.FleetRoles;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.OptionalLong;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Spends a request of an operation's {@link RateLimited} budget before it runs; refuses with
 * 429 {@code RATE_LIMITED} and {@code Retry-After} when the budget is spent. Never blocks.
 */
public class RateLimitFilter {

    private final RateLimiter limiter;
    private final CurrentIdentityAssociation identities;

    public RateLimitFilter(RateLimiter limiter, CurrentIdentityAssociation identities) {
        this.limiter = limiter;
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Void> limit(ResourceInfo resource, HttpServerRequest http) {
        Method method = resource.getResourceMethod();
        RateLimited limited = method == null ? null : method.getAnnotation(RateLimited.class);
        if (limited == null) {
            return Uni.createFrom().voidItem();
        }
        if (limited.per() == RateLimited.Per.ADDRESS) {
            spend(limited.value(), "address:" + (http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress()));
            return Uni.createFrom().voidItem();
        }
        // An unauthenticated call is refused by authentication itself; only a device spends its budget.
        return identities.getDeferredIdentity().onFailure().recoverWithNull()
                .onItem().invoke(identity -> spendAsDevice(limited.value(), identity)).replaceWithVoid();
    }

    private void spendAsDevice(String budget, SecurityIdentity identity) {
        if (identity != null && identity.hasRole(FleetRoles.DEVICE)) {
            spend(budget, "device:" + identity.getPrincipal().getName());
        }
    }

    private void spend(String budget, String key) {
        OptionalLong wait = limiter.take(budget, key);
        if (wait.isPresent()) {
            throw new RetryLater(CommonErrorCode.RATE_LIMITED, "too many " + budget + " requests; retry in "
                    + wait.getAsLong() + " s", wait.getAsLong());
        }
    }
}
