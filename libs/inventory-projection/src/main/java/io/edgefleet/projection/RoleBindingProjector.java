package io.edgefleet.projection;

import io.edgefleet.events.inventory.RoleBindingChanged;
import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.cloudevents.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Role bindings from {@code fleet.inventory.events}, each event the binding's whole state. A
 * state older than the stored one (a replayed dead letter) changes nothing; a deleted binding is
 * forgotten.
 */
@ApplicationScoped
public class RoleBindingProjector {

    private static final Set<String> SUBJECT_KINDS = Set.of("user", "group");
    private static final Set<String> ROLES = Set.of("viewer", "operator", "admin");

    private final EntityManager entityManager;

    public RoleBindingProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    void changed(CloudEvent event, RoleBindingChanged binding) {
        if (binding.bindingId() == null || binding.subject() == null || !SUBJECT_KINDS.contains(binding.subjectKind())
                || !ROLES.contains(binding.role()) || binding.changedAt() == null) {
            throw new PoisonEventException("RoleBindingChanged lacks its id, subject, role or time, or names an unknown kind");
        }
        UUID id = DeviceProjector.uuid(binding.bindingId());
        if (binding.deleted()) {
            entityManager.createNativeQuery("DELETE FROM role_binding_projection WHERE binding_id = :id AND org_id = :org")
                    .setParameter("id", id).setParameter("org", event.requireOrg()).executeUpdate();
            return;
        }
        List<UUID> groups = binding.groups() == null ? List.of() : binding.groups().stream().map(DeviceProjector::uuid).toList();
        entityManager.createNativeQuery("INSERT INTO role_binding_projection (binding_id, org_id, subject_kind, subject, role, "
                        + "organization_wide, group_ids, selector, changed_at, last_event_id) VALUES (:id, :org, :kind, :subject, "
                        + ":role, :wide, CAST(:groups AS uuid[]), :selector, :at, :event) ON CONFLICT (binding_id) DO UPDATE SET "
                        + "subject_kind = EXCLUDED.subject_kind, subject = EXCLUDED.subject, role = EXCLUDED.role, "
                        + "organization_wide = EXCLUDED.organization_wide, group_ids = EXCLUDED.group_ids, "
                        + "selector = EXCLUDED.selector, changed_at = EXCLUDED.changed_at, last_event_id = EXCLUDED.last_event_id, "
                        + "projected_at = now() WHERE role_binding_projection.org_id = EXCLUDED.org_id "
                        + "AND role_binding_projection.changed_at <= EXCLUDED.changed_at")
                .setParameter("id", id).setParameter("org", event.requireOrg()).setParameter("kind", binding.subjectKind())
                .setParameter("subject", binding.subject()).setParameter("role", binding.role())
                .setParameter("wide", binding.organizationWide() && groups.isEmpty() && binding.labelSelector() == null)
                .setParameter("groups", "{" + String.join(",", groups.stream().map(UUID::toString).toList()) + "}")
                .setParameter("selector", binding.labelSelector())
                .setParameter("at", binding.changedAt().atOffset(ZoneOffset.UTC)).setParameter("event", event.id())
                .executeUpdate();
    }
}
