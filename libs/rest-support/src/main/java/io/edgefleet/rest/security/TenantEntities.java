package io.edgefleet.rest.security;

import io.edgefleet.core.error.ErrorCode;
import io.edgefleet.core.error.FleetException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * Resolves an id from a path or a body inside one organization only. Another organization's id
 * is answered exactly like an unknown one (404), so ids are no existence oracle and no row can
 * reference another tenant's. Entities have {@code id} and {@code orgId} fields.
 */
@ApplicationScoped
public class TenantEntities {

    private final EntityManager entityManager;

    public TenantEntities(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public <T> Optional<T> find(Class<T> type, String orgId, Object id) {
        List<T> found = entityManager.createQuery("SELECT e FROM " + type.getSimpleName() + " e WHERE e.id = :id AND e.orgId = :org",
                        type).setParameter("id", id).setParameter("org", orgId).getResultList();
        return found.stream().findFirst();
    }

    /** The entity, or {@code notFound} naming {@code what} and the id. */
    public <T> T require(Class<T> type, String orgId, Object id, ErrorCode notFound, String what) {
        return find(type, orgId, id).orElseThrow(() -> new FleetException(notFound, "no " + what + " " + id));
    }
}
