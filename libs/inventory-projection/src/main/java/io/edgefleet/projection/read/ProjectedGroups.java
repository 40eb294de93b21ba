package io.edgefleet.projection.read;

import io.edgefleet.core.error.FleetException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/** Device groups as this service's projection knows them, for checking what a request names. */
@ApplicationScoped
public class ProjectedGroups {

    private final EntityManager entityManager;

    public ProjectedGroups(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The name of the static group {@code ref} names (by name or id), which devices can be added
     * to; a 422 on {@code field} when there is none (a group created in inventory a moment ago
     * is projected within seconds) or when it is dynamic (its selector decides who belongs).
     */
    public String staticGroupName(String orgId, String field, String ref) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT name, kind FROM group_projection WHERE org_id = :org "
                        + "AND (name = :ref OR CAST(group_id AS text) = :ref) ORDER BY name = :ref DESC")
                .setParameter("org", orgId).setParameter("ref", ref).setMaxResults(1).getResultList();
        if (rows.isEmpty()) {
            throw FleetException.unprocessable(field, "names no group of this organization");
        }
        if (!"static".equals(rows.get(0)[1])) {
            throw FleetException.unprocessable(field, "names a dynamic group, whose selector decides who belongs; "
                    + "give the labels it selects instead");
        }
        return (String) rows.get(0)[0];
    }
}
