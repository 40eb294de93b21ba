package io.edgefleet.policy.compliance;

import io.edgefleet.events.EventType;
import io.edgefleet.events.policy.ComplianceChanged;
import io.edgefleet.messaging.outbox.Outbox;
import io.edgefleet.policy.assignment.Assignment;
import io.edgefleet.policy.definition.PolicyDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Writes compliance records. A verdict that changes a device's state or reasons under an
 * assignment is kept in the history and published on {@code fleet.policy.compliance} (outbox, in
 * the same transaction); one that changes nothing only marks the record evaluated. The record's
 * row lock orders concurrent evaluations of the same device and assignment.
 */
@ApplicationScoped
public class ComplianceStore {

    private final EntityManager entityManager;
    private final Outbox outbox;
    public ComplianceStore(EntityManager entityManager, Outbox outbox) {
        this.entityManager = entityManager;
        this.outbox = outbox;
    }

    /** Records {@code verdict}; returns whether it was a change. */
    public boolean record(Assignment assignment, PolicyDefinition policy, UUID deviceId, ComplianceState verdict,
                          OffsetDateTime now) {
        String reasons = ComplianceColumns.reasons(verdict.reasons());
        int first = entityManager.createNativeQuery("INSERT INTO device_compliance (assignment_id, device_id, org_id, policy_id, "
                        + "state, reasons, evaluated_at, changed_at) VALUES (:a, :d, :org, :p, :state, CAST(:reasons AS jsonb), "
                        + ":now, :now) ON CONFLICT (assignment_id, device_id) DO NOTHING")
                .setParameter("a", assignment.id).setParameter("d", deviceId).setParameter("org", assignment.orgId)
                .setParameter("p", policy.id).setParameter("state", verdict.state()).setParameter("reasons", reasons)
                .setParameter("now", now).executeUpdate();
        if (first == 1) {
            changed(assignment, policy, deviceId, null, verdict, reasons, now);
            return true;
        }
        Object[] current = (Object[]) entityManager.createNativeQuery("SELECT state, CAST(reasons AS text) FROM device_compliance "
                        + "WHERE assignment_id = :a AND device_id = :d FOR UPDATE")
                .setParameter("a", assignment.id).setParameter("d", deviceId).getSingleResult();
        String previous = (String) current[0];
        boolean same = verdict.state().equals(previous) && verdict.reasons().equals(ComplianceColumns.reasons((String) current[1]));
        entityManager.createNativeQuery("UPDATE device_compliance SET state = :state, reasons = CAST(:reasons AS jsonb), "
                        + "policy_id = :p, evaluated_at = :now, changed_at = CASE WHEN :same THEN changed_at ELSE :now END "
                        + "WHERE assignment_id = :a AND device_id = :d")
                .setParameter("state", verdict.state()).setParameter("reasons", reasons).setParameter("p", policy.id)
                .setParameter("now", now).setParameter("same", same).setParameter("a", assignment.id)
                .setParameter("d", deviceId).executeUpdate();
        if (!same) {
            changed(assignment, policy, deviceId, previous, verdict, reasons, now);
        }
        return !same;
    }

    private void changed(Assignment assignment, PolicyDefinition policy, UUID deviceId, String previous,
                         ComplianceState verdict, String reasons, OffsetDateTime now) {
        entityManager.createNativeQuery("INSERT INTO compliance_history (org_id, device_id, assignment_id, policy_id, "
                        + "previous_state, state, reasons, at) VALUES (:org, :d, :a, :p, :previous, :state, CAST(:reasons AS jsonb), :now)")
                .setParameter("org", assignment.orgId).setParameter("d", deviceId).setParameter("a", assignment.id)
                .setParameter("p", policy.id).setParameter("previous", previous).setParameter("state", verdict.state())
                .setParameter("reasons", reasons).setParameter("now", now).executeUpdate();
        outbox.record(EventType.COMPLIANCE_CHANGED, assignment.orgId, deviceId.toString(), new ComplianceChanged(
                deviceId.toString(), assignment.id.toString(), assignment.name, policy.id.toString(), policy.name,
                assignment.effect, previous, verdict.state(), verdict.reasons(), now.toInstant()));
    }

    /** The device is no longer in the assignment's scope (or no longer a device): its record goes. */
    public void remove(UUID assignmentId, UUID deviceId) {
        entityManager.createNativeQuery("DELETE FROM device_compliance WHERE assignment_id = :a AND device_id = :d")
                .setParameter("a", assignmentId).setParameter("d", deviceId).executeUpdate();
    }

    /** Every record of a device (decommissioned, deleted or without a state). */
    public void removeDevice(String orgId, UUID deviceId) {
        entityManager.createNativeQuery("DELETE FROM device_compliance WHERE org_id = :org AND device_id = :d")
                .setParameter("org", orgId).setParameter("d", deviceId).executeUpdate();
    }
}
