package io.edgefleet.projection.read;

import io.edgefleet.core.error.FleetException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

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
        ProjectedGroup group = find(orgId, ref)
                .orElseThrow(() -> FleetException.unprocessable(field, "names no group of this organization"));
        if (group.dynamic()) {
            throw FleetException.unprocessable(field, "names a dynamic group, whose selector decides who belongs; "
                    + "give the labels it selects instead");
        }
        return group.name();
    }

    /** A group as projected; a name wins over an id that happens to be spelled the same. */
    public Optional<ProjectedGroup> find(String orgId, String ref) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT name, kind, selector, CAST(members AS text) "
                        + "FROM group_projection WHERE org_id = :org AND (name = :ref OR CAST(group_id AS text) = :ref) "
                        + "ORDER BY name = :ref DESC")
                .setParameter("org", orgId).setParameter("ref", ref).setMaxResults(1).getResultList();
        return rows.stream().findFirst().map(r -> new ProjectedGroup((String) r[0], "dynamic".equals(r[1]), (String) r[2],
                (String) r[3]));
    }

    /**
     * @param selector a dynamic group's label selector
     * @param members a static group's member device ids, as a PostgreSQL array literal
     */
    public record ProjectedGroup(String name, boolean dynamic, String selector, String members) {
    }
}
