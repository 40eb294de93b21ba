package io.edgefleet.policy.exemption;

import io.edgefleet.policy.compliance.ComplianceState;
import io.edgefleet.projection.read.ScopeMatcher;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The organization's exemptions in force at one moment, for one evaluation pass. */
public final class ActiveExemptions {

    private final List<Exemption> exemptions;

    private ActiveExemptions(List<Exemption> exemptions) {
        this.exemptions = exemptions;
    }

    public static ActiveExemptions of(EntityManager entityManager, String orgId, OffsetDateTime now) {
        return new ActiveExemptions(entityManager.createQuery("FROM Exemption e WHERE e.orgId = :org AND e.expiresAt > :now",
                Exemption.class).setParameter("org", orgId).setParameter("now", now).getResultList());
    }

    /** The device's state under the assignment if an exemption covers it. */
    public Optional<ComplianceState> of(UUID assignmentId, UUID deviceId, Map<String, String> labels, ScopeMatcher scope) {
        return exemptions.stream().filter(e -> e.assignmentId.equals(assignmentId))
                .filter(e -> deviceId.equals(e.deviceId) || e.groupId != null && scope.covers(e.groupId, null, deviceId, labels))
                .findFirst().map(e -> ComplianceState.exempt(e.reason + (e.description == null ? "" : ": " + e.description)
                        + " (exemption " + e.name + ", until " + e.expiresAt + ")"));
    }
}
