package io.edgefleet.access;

import io.edgefleet.projection.read.ProjectedRoleBindings.Binding;
import io.edgefleet.projection.read.ProjectedRoleBindings;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Adds a user's role bindings to their identity: the token's fleet roles count over the whole
 * organization, each binding of the user (by subject) or of one of their groups adds its level
 * over its scope. The identity gets every role up to the highest level held anywhere, so
 * {@code @RolesAllowed} lets a scoped operator in, and carries the {@link CallerGrants} that
 * {@link ScopeGuard} and {@link CallerScope} enforce. Runs before {@code FleetRoleHierarchy}.
 */
@ApplicationScoped
public class ScopedRoles implements SecurityIdentityAugmentor {

    private final ProjectedRoleBindings bindings;

    public ScopedRoles(ProjectedRoleBindings bindings) {
        this.bindings = bindings;
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.hasRole(FleetRoles.DEVICE)
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Optional<String> org = CurrentOrganization.of(token);
        if (org.isEmpty()) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> withGrants(identity, token, org.get()));
    }

    private SecurityIdentity withGrants(SecurityIdentity identity, JsonWebToken token, String org) {
        Set<String> users = new LinkedHashSet<>();
        Optional.ofNullable(token.getSubject()).ifPresent(users::add);
        Optional.ofNullable(token.getName()).ifPresent(users::add);
        Set<String> groups = token.getGroups() == null ? Set.of() : token.getGroups();
        List<Binding> found = bindings.of(org, users, groups);
        Optional<AccessLevel> fromToken = Arrays.stream(AccessLevel.values()).filter(l -> identity.hasRole(l.role()))
                .max(Enum::compareTo);
        Optional<AccessLevel> wide = java.util.stream.Stream.concat(fromToken.stream(), found.stream()
                .filter(Binding::organizationWide).map(b -> level(b.role()))).max(Enum::compareTo);
        List<CallerGrants.Scoped> scoped = found.stream().filter(b -> !b.organizationWide())
                .map(b -> new CallerGrants.Scoped(level(b.role()), b.groupIds(), b.selector())).toList();
        CallerGrants grants = new CallerGrants(wide, scoped);
        QuarkusSecurityIdentity.Builder augmented = QuarkusSecurityIdentity.builder(identity)
                .addAttribute(CallerGrants.ATTRIBUTE, grants);
        grants.highest().ifPresent(highest -> Arrays.stream(AccessLevel.values()).filter(highest::includes)
                .forEach(level -> augmented.addRole(level.role())));
        return augmented.build();
    }

    private static AccessLevel level(String wireName) {
        return AccessLevel.ofWireName(wireName).orElse(AccessLevel.VIEWER);
    }
}
