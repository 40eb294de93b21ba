package io.edgefleet.access;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.ErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.labels.LabelSelector;
import io.edgefleet.projection.read.DeviceScopes.Scope;
import io.edgefleet.projection.read.DeviceScopes;
import io.edgefleet.rest.security.CurrentOrganization;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The devices the current caller may see ({@link #visible}) or act on ({@link #actionable}), as
 * a {@link Scope} a {@link DeviceScoped} operation ANDs into its query: everything for a role over
 * the whole organization, the union of the caller's bindings' groups and selectors otherwise.
 */
@RequestScoped
public class CallerScope {

    private final CurrentIdentityAssociation identities;
    private final CurrentOrganization org;
    private final DeviceScopes scopes;
    private final EntityManager entityManager;

    public CallerScope(CurrentIdentityAssociation identities, CurrentOrganization org, DeviceScopes scopes,
                       EntityManager entityManager) {
        this.identities = identities;
        this.org = org;
        this.scopes = scopes;
        this.entityManager = entityManager;
    }

    public Scope visible() {
        return devices(AccessLevel.VIEWER);
    }

    public Scope actionable() {
        return devices(AccessLevel.OPERATOR);
    }

    /** The devices the caller holds {@code needed} (or more) over. */
    public Scope devices(AccessLevel needed) {
        CallerGrants grants = identities.getIdentity().getAttribute(CallerGrants.ATTRIBUTE);
        if (grants == null || grants.organizationWide(needed)) {
            return DeviceScopes.ALL;
        }
        List<Scope> parts = new ArrayList<>();
        for (CallerGrants.Scoped grant : grants.scopedAtLeast(needed)) {
            parts.add(scopes.ofGroups(org.id(), grant.groupIds()));
            if (grant.selector() != null) {
                parts.add(scopes.matching(org.id(), LabelSelector.parse(grant.selector())));
            }
        }
        return Scope.anyOf(parts);
    }

    /** Whether {@code deviceId} (this service's id of it) is among the devices of {@code needed}. */
    public boolean covers(UUID deviceId, AccessLevel needed) {
        return outside(List.of(deviceId), needed).isEmpty();
    }

    /** Of {@code deviceIds}, those the caller does not hold {@code needed} over (one query). */
    public List<UUID> outside(Collection<UUID> deviceIds, AccessLevel needed) {
        Scope scope = devices(needed);
        if (scope.equals(DeviceScopes.ALL) || deviceIds.isEmpty()) {
            return List.of();
        }
        Query query = entityManager.createNativeQuery("SELECT CAST(v.d AS text) FROM unnest(CAST(:scopedDevices AS uuid[])) v(d) "
                + "WHERE NOT (" + scope.condition("v.d") + ")")
                .setParameter("scopedDevices", "{" + String.join(",", deviceIds.stream().map(UUID::toString).toList()) + "}");
        scope.params().forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<String> outside = query.getResultList();
        return outside.stream().map(UUID::fromString).toList();
    }

    /**
     * Refuses a device outside the caller's reach: 404 with the service's own code when the
     * caller may not even see it (as for another organization's), 403 when it may see it but
     * not act on it at {@code needed}.
     */
    public void require(UUID deviceId, AccessLevel needed, ErrorCode notFound) {
        if (!covers(deviceId, AccessLevel.VIEWER)) {
            throw new FleetException(notFound, "no device " + deviceId);
        }
        if (needed != AccessLevel.VIEWER && !covers(deviceId, needed)) {
            throw new FleetException(CommonErrorCode.FORBIDDEN, "your role over device " + deviceId + " is not "
                    + needed.wireName());
        }
    }

    /** Refuses a set of targets of which any is outside the devices the caller may act on. */
    public void requireAll(Collection<UUID> deviceIds, AccessLevel needed) {
        List<UUID> outside = outside(deviceIds, needed);
        if (!outside.isEmpty()) {
            throw new FleetException(CommonErrorCode.FORBIDDEN, outside.size() + " of the devices are outside your "
                    + needed.wireName() + " scope, e.g. " + outside.get(0));
        }
    }
}
