package io.edgefleet.projection.read;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The role bindings inventory published, as this service projected them. */
@ApplicationScoped
public class ProjectedRoleBindings {

    /**
     * One binding: {@code role} over the whole organization, or over the devices of
     * {@code groupIds} and those matching {@code selector}.
     */
    public record Binding(UUID id, String role, boolean organizationWide, List<UUID> groupIds, String selector) {
    }

    private final EntityManager entityManager;

    public ProjectedRoleBindings(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The bindings of a user (by subject) or of any of the groups of their token. */
    @Transactional
    public List<Binding> of(String orgId, Collection<String> users, Collection<String> groups) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT binding_id, role, organization_wide, CAST(group_ids AS text), selector "
                        + "FROM role_binding_projection WHERE org_id = :org "
                        + "AND ((subject_kind = 'user' AND subject = ANY(CAST(:users AS text[]))) "
                        + "OR (subject_kind = 'group' AND subject = ANY(CAST(:groups AS text[]))))")
                .setParameter("org", orgId).setParameter("users", users.toArray(String[]::new))
                .setParameter("groups", groups.toArray(String[]::new)).getResultList();
        return rows.stream().map(r -> new Binding((UUID) r[0], (String) r[1], (Boolean) r[2], uuids(r[3]), (String) r[4]))
                .toList();
    }

    /** A PostgreSQL array literal of uuids, {@code {a,b}}. */
    private static List<UUID> uuids(Object literal) {
        String text = literal == null ? "" : literal.toString().replaceAll("[{}]", "");
        return text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::trim).map(UUID::fromString).toList();
    }
}
