package io.edgefleet.rest.naming;

import io.edgefleet.core.error.ErrorCode;
import io.edgefleet.core.error.FleetException;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The names operators give an organization's resources (policy assignments and exemptions,
 * rollouts): lower-case letters, digits, '-', '.' and '/' (default assignments are
 * {@code edge-rules/<policy>}), unique among the organization's resources of one kind.
 */
public final class ResourceNames {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9./]{0,251}[a-z0-9])?");

    private ResourceNames() {
    }

    /**
     * Refuses a malformed name (422 on {@code spec.name}) or one another {@code entity} of the
     * organization holds ({@code taken}, 409).
     */
    public static void require(EntityManager entityManager, String entity, String orgId, UUID id, String name,
                               ErrorCode taken) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw FleetException.unprocessable("spec.name", "lower-case letters, digits, '-', '.' and '/', at most 253");
        }
        boolean held = entityManager.createQuery("SELECT count(e) FROM " + entity + " e WHERE e.orgId = :org AND e.name = :name "
                + "AND e.id <> :id", Long.class).setParameter("org", orgId).setParameter("name", name).setParameter("id", id)
                .getSingleResult() > 0;
        if (held) {
            throw new FleetException(taken, entity.toLowerCase(java.util.Locale.ROOT) + " '" + name + "' exists");
        }
    }
}
