package io.edgefleet.policy.exemption;

import io.edgefleet.audit.AuditTrail;
import io.edgefleet.core.concurrency.Versions;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.labels.SqlParameters;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.core.paging.SortField;
import io.edgefleet.core.paging.Sorting;
import io.edgefleet.policy.PolicyErrorCode;
import io.edgefleet.policy.assignment.AssignmentService;
import io.edgefleet.projection.read.ProjectedGroups;
import io.edgefleet.rest.naming.ResourceNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Exemptions. Every change, and every expiry, sends the assignment's scope back for re-evaluation. */
@ApplicationScoped
public class ExemptionService {

    public static final Sorting<Exemption> SORTING = Sorting.of(SortField.id("e.id", e -> e.id), "id",
            SortField.text("name", "e.name", e -> e.name), SortField.time("expiresAt", "e.expiresAt", e -> e.expiresAt));

    private static final String RESOURCE = "policy-exemption";
    private static final Duration LONGEST = Duration.ofDays(366);

    private final EntityManager entityManager;
    private final AssignmentService assignments;
    private final ProjectedGroups groups;
    private final AuditTrail audit;
    private final Clock clock;

    public ExemptionService(EntityManager entityManager, AssignmentService assignments, ProjectedGroups groups, AuditTrail audit,
                            Clock clock) {
        this.entityManager = entityManager;
        this.assignments = assignments;
        this.groups = groups;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Exemption create(String orgId, ExemptionSpec spec) {
        Exemption exemption = new Exemption();
        exemption.id = UUID.randomUUID();
        exemption.orgId = orgId;
        exemption.createdAt = OffsetDateTime.now(clock);
        apply(exemption, spec);
        entityManager.persist(exemption);
        assignments.markDue(exemption.assignmentId);
        audit.record(orgId, "policy.exemption.created", RESOURCE, exemption.id.toString(), null, spec);
        return exemption;
    }

    @Transactional
    public Exemption replace(String orgId, UUID id, ExemptionSpec spec, Optional<Long> expectedVersion) {
        Exemption exemption = get(orgId, id);
        Versions.require(expectedVersion, exemption.version, "exemption " + id);
        Object before = audit.snapshot(ExemptionSpec.of(exemption));
        UUID previousAssignment = exemption.assignmentId;
        apply(exemption, spec);
        assignments.markDue(previousAssignment);
        assignments.markDue(exemption.assignmentId);
        audit.record(orgId, "policy.exemption.updated", RESOURCE, id.toString(), before, spec);
        return exemption;
    }

    @Transactional
    public void delete(String orgId, UUID id) {
        Exemption exemption = get(orgId, id);
        audit.record(orgId, "policy.exemption.deleted", RESOURCE, id.toString(), ExemptionSpec.of(exemption), null);
        entityManager.remove(exemption);
        assignments.markDue(exemption.assignmentId);
    }

    @Transactional
    public Exemption get(String orgId, UUID id) {
        return entityManager.createQuery("FROM Exemption e WHERE e.orgId = :org AND e.id = :id", Exemption.class)
                .setParameter("org", orgId).setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> new FleetException(PolicyErrorCode.EXEMPTION_NOT_FOUND, "no exemption " + id));
    }

    @Transactional
    public List<Exemption> page(String orgId, Keyset<Exemption> page) {
        SqlParameters params = new SqlParameters();
        var query = entityManager.createQuery("FROM Exemption e WHERE e.orgId = " + params.bind(orgId) + page.andOrderBy(params),
                Exemption.class);
        params.values().forEach(query::setParameter);
        return query.setMaxResults(page.fetch()).getResultList();
    }

    private void apply(Exemption exemption, ExemptionSpec spec) {
        ResourceNames.require(entityManager, "Exemption", exemption.orgId, exemption.id, spec.name(),
                PolicyErrorCode.EXEMPTION_NAME_TAKEN);
        if (spec.assignment() == null) {
            throw FleetException.unprocessable("spec.assignment", "the id of the assignment to exempt from; required");
        }
        assignments.get(exemption.orgId, spec.assignment());
        if ((spec.device() == null) == (spec.group() == null)) {
            throw FleetException.unprocessable("spec.device", "a device or a group, one of them");
        }
        if (spec.group() != null && groups.find(exemption.orgId, spec.group().toString()).isEmpty()) {
            throw FleetException.unprocessable("spec.group", "names no group of this organization");
        }
        if (spec.reason() == null || !Set.of("waiver", "mitigated").contains(spec.reason())) {
            throw FleetException.unprocessable("spec.reason", "waiver or mitigated");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (spec.expiresAt() == null || !spec.expiresAt().isAfter(now) || spec.expiresAt().isAfter(now.plus(LONGEST))) {
            throw FleetException.unprocessable("spec.expiresAt", "in the future, at most a year ahead");
        }
        exemption.name = spec.name();
        exemption.assignmentId = spec.assignment();
        exemption.deviceId = spec.device();
        exemption.groupId = spec.group();
        exemption.reason = spec.reason();
        exemption.description = spec.description();
        exemption.expiresAt = spec.expiresAt();
        exemption.lapsed = false;
        exemption.updatedAt = now;
    }
}
