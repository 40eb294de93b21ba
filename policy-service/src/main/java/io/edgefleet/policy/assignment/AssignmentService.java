package io.edgefleet.policy.assignment;

import io.edgefleet.audit.AuditTrail;
import io.edgefleet.core.concurrency.Versions;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.labels.LabelSelector;
import io.edgefleet.core.labels.SqlParameters;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.core.paging.SortField;
import io.edgefleet.core.paging.Sorting;
import io.edgefleet.policy.PolicyErrorCode;
import io.edgefleet.policy.definition.PolicyDefinition;
import io.edgefleet.policy.definition.PolicyParameters;
import io.edgefleet.policy.definition.PolicyService;
import io.edgefleet.policy.engine.RuleKind;
import io.edgefleet.projection.read.ProjectedGroups;
import io.edgefleet.rest.naming.ResourceNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Policy assignments. Every change marks the assignment's whole scope for re-evaluation
 * ({@code evaluationDueAt}), which the evaluator picks up within seconds; that evaluation also
 * publishes a deny assignment's rule ({@link DenyRules}).
 */
@ApplicationScoped
public class AssignmentService {

    public static final Sorting<Assignment> SORTING = Sorting.of(SortField.id("a.id", a -> a.id), "id",
            SortField.text("name", "a.name", a -> a.name), SortField.time("createdAt", "a.createdAt", a -> a.createdAt));

    private static final String RESOURCE = "policy-assignment";

    private final EntityManager entityManager;
    private final PolicyService policies;
    private final PolicyParameters parameters;
    private final ProjectedGroups groups;
    private final DenyRules denyRules;
    private final RemediationCommands commands;
    private final AuditTrail audit;
    private final Clock clock;

    public AssignmentService(EntityManager entityManager, PolicyService policies, PolicyParameters parameters,
                             ProjectedGroups groups, DenyRules denyRules, RemediationCommands commands, AuditTrail audit,
                             Clock clock) {
        this.commands = commands;
        this.denyRules = denyRules;
        this.entityManager = entityManager;
        this.policies = policies;
        this.parameters = parameters;
        this.groups = groups;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Assignment create(String orgId, AssignmentSpec spec) {
        Assignment assignment = new Assignment();
        assignment.id = UUID.randomUUID();
        assignment.orgId = orgId;
        assignment.createdAt = OffsetDateTime.now(clock);
        apply(assignment, spec);
        entityManager.persist(assignment);
        audit.record(orgId, "policy.assignment.created", RESOURCE, assignment.id.toString(), null, spec);
        return assignment;
    }

    @Transactional
    public Assignment replace(String orgId, UUID id, AssignmentSpec spec, Optional<Long> expectedVersion) {
        Assignment assignment = get(orgId, id);
        Versions.require(expectedVersion, assignment.version, "assignment " + id);
        Object before = audit.snapshot(specOf(assignment));
        apply(assignment, spec);
        audit.record(orgId, "policy.assignment.updated", RESOURCE, id.toString(), before, spec);
        return assignment;
    }

    /** Deletes the assignment and its compliance records; the history of its transitions stays. */
    @Transactional
    public void delete(String orgId, UUID id) {
        Assignment assignment = get(orgId, id);
        audit.record(orgId, "policy.assignment.deleted", RESOURCE, id.toString(), specOf(assignment), null);
        denyRules.withdraw(assignment);
        entityManager.remove(assignment);
    }

    @Transactional
    public Assignment get(String orgId, UUID id) {
        return entityManager.createQuery("FROM Assignment a WHERE a.orgId = :org AND a.id = :id", Assignment.class)
                .setParameter("org", orgId).setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> new FleetException(PolicyErrorCode.ASSIGNMENT_NOT_FOUND, "no assignment " + id));
    }

    @Transactional
    public List<Assignment> page(String orgId, Keyset<Assignment> page) {
        SqlParameters params = new SqlParameters();
        String hql = "FROM Assignment a WHERE a.orgId = " + params.bind(orgId) + page.andOrderBy(params);
        var query = entityManager.createQuery(hql, Assignment.class);
        params.values().forEach(query::setParameter);
        return query.setMaxResults(page.fetch()).getResultList();
    }

    /**
     * Sends the assignment's whole scope back for re-evaluation (an exemption changed or lapsed),
     * without touching the version operators hold.
     */
    public void markDue(UUID assignmentId) {
        entityManager.createNativeQuery("UPDATE policy_assignment SET evaluation_due_at = :now WHERE id = :id")
                .setParameter("now", OffsetDateTime.now(clock)).setParameter("id", assignmentId).executeUpdate();
    }

    /** The spec as the API shows it, naming the policy. */
    @Transactional
    public AssignmentSpec specOf(Assignment assignment) {
        return AssignmentSpec.of(assignment, policies.get(assignment.orgId, assignment.policyId).name);
    }

    private void apply(Assignment assignment, AssignmentSpec spec) {
        ResourceNames.require(entityManager, "Assignment", assignment.orgId, assignment.id, spec.name(),
                PolicyErrorCode.ASSIGNMENT_NAME_TAKEN);
        if (spec.policy() == null || spec.policy().isBlank()) {
            throw FleetException.unprocessable("spec.policy", "the name of the policy to assign; required");
        }
        PolicyDefinition policy = policies.named(assignment.orgId, spec.policy());
        assignment.effect = effect(policy, spec.effect());
        assignment.enforcement = enforcement(spec.enforcement());
        parameters.resolve(policy, spec.params(), "spec.params");
        scope(assignment, spec.scope());
        remediation(assignment, spec.remediation());
        assignment.name = spec.name();
        assignment.policyId = policy.id;
        assignment.params = spec.params() == null ? Map.of() : spec.params();
        assignment.updatedAt = OffsetDateTime.now(clock);
        assignment.evaluationDueAt = assignment.updatedAt;
        assignment.whatIf = null;
    }

    private static String effect(PolicyDefinition policy, String effect) {
        Set<String> allowed = policy.ruleKind() == RuleKind.ADMISSION ? Set.of(Assignment.DENY)
                : Set.of(Assignment.AUDIT, Assignment.DENY, Assignment.REMEDIATE);
        if (effect == null || !allowed.contains(effect)) {
            throw new FleetException(PolicyErrorCode.ASSIGNMENT_EFFECT_INVALID, "spec.effect: a " + policy.kind
                    + " policy takes " + String.join(" or ", allowed.stream().sorted().toList()));
        }
        return effect;
    }

    private void remediation(Assignment assignment, AssignmentSpec.Remediation remediation) {
        boolean remediates = Assignment.REMEDIATE.equals(assignment.effect);
        if (remediates != (remediation != null)) {
            throw FleetException.unprocessable("spec.remediation", remediates ? "the command a remediate assignment sends; required"
                    : "only a remediate assignment sends a command");
        }
        assignment.remediationType = remediates ? commands.require(remediation.commandType(), remediation.payload()) : null;
        assignment.remediationPayload = remediates ? (remediation.payload() == null ? Map.of() : remediation.payload()) : null;
    }

    private static String enforcement(String enforcement) {
        if (enforcement == null) {
            return Assignment.ENFORCED;
        }
        if (!Set.of(Assignment.ENFORCED, Assignment.DRY_RUN).contains(enforcement)) {
            throw FleetException.unprocessable("spec.enforcement", "enforced or dry-run");
        }
        return enforcement;
    }

    private void scope(Assignment assignment, AssignmentSpec.Scope scope) {
        assignment.groupId = null;
        assignment.labelSelector = null;
        if (scope == null) {
            return;
        }
        if (scope.group() != null && scope.labelSelector() != null) {
            throw FleetException.unprocessable("spec.scope", "a group or a label selector, not both");
        }
        if (scope.group() != null && groups.find(assignment.orgId, scope.group().toString()).isEmpty()) {
            throw FleetException.unprocessable("spec.scope.group", "names no group of this organization");
        }
        if (scope.labelSelector() != null) {
            LabelSelector.parse(scope.labelSelector());
        }
        assignment.groupId = scope.group();
        assignment.labelSelector = scope.labelSelector();
    }
}
