package io.edgefleet.rest.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one role hierarchy: admin ⊃ operator ⊃ viewer. An endpoint names the least role it needs
 * ({@code @RolesAllowed(FleetRoles.VIEWER)} for reads, {@code OPERATOR} for changes, {@code ADMIN}
 * for administration) and every higher role is let in, so no endpoint repeats a list of roles.
 */
@ApplicationScoped
public class FleetRoleHierarchy implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        boolean admin = identity.hasRole(FleetRoles.ADMIN);
        boolean operator = admin || identity.hasRole(FleetRoles.OPERATOR);
        if (identity.isAnonymous() || !operator) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder implied = QuarkusSecurityIdentity.builder(identity).addRole(FleetRoles.VIEWER);
        if (admin) {
            implied.addRole(FleetRoles.OPERATOR);
        }
        return Uni.createFrom().item(implied.build());
    }
}
