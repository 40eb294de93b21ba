package io.edgefleet.policy.compliance;

import io.edgefleet.policy.assignment.Assignment;
import io.edgefleet.policy.assignment.DenyRules;
import io.edgefleet.policy.definition.PolicyDefinition;
import io.edgefleet.policy.engine.DeviceDocument;
import io.edgefleet.policy.exemption.ActiveExemptions;
import io.edgefleet.projection.read.ProjectedDocuments;
import io.edgefleet.projection.read.ProjectedGroups;
import io.edgefleet.projection.read.ScopeMatcher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Re-evaluates whole scopes: of each assignment marked due (created, changed, its policy changed)
 * and, every {@code edgefleet.policy.full-pass}, of every assignment (catching anything missed).
 * A scope is walked in pages of devices, each page its own transaction, so a large fleet never
 * holds one long transaction; an assignment changed meanwhile stays due and is walked again.
 * A dry-run assignment records nothing per device: its what-if lands in the assignment's status.
 * The walk ends by publishing a deny assignment's rule as it stands ({@link DenyRules}).
 */
@ApplicationScoped
public class ScopeEvaluations {

    private static final Logger LOG = Logger.getLogger(ScopeEvaluations.class);
    private static final int PAGE = 200;
    private static final int ASSIGNMENTS_PER_SWEEP = 20;

    private final EntityManager entityManager;
    private final ProjectedDocuments documents;
    private final ProjectedGroups groups;
    private final ComplianceEvaluator evaluator;
    private final DenyRules denyRules;
    private final Remediations remediations;
    private final Clock clock;

    public ScopeEvaluations(EntityManager entityManager, ProjectedDocuments documents, ProjectedGroups groups,
                            ComplianceEvaluator evaluator, DenyRules denyRules, Remediations remediations, Clock clock) {
        this.remediations = remediations;
        this.denyRules = denyRules;
        this.entityManager = entityManager;
        this.documents = documents;
        this.groups = groups;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    @Scheduled(every = "${edgefleet.policy.scope-sweep}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        QuarkusTransaction.requiringNew().run(this::lapseExpiredExemptions);
        QuarkusTransaction.requiringNew().run(remediations::retryDue);
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery("SELECT a.id FROM Assignment a "
                + "WHERE a.evaluationDueAt IS NOT NULL ORDER BY a.evaluationDueAt", UUID.class)
                .setMaxResults(ASSIGNMENTS_PER_SWEEP).getResultList());
        for (UUID id : due) {
            try {
                evaluate(id);
            } catch (RuntimeException e) {
                // One assignment's failure (its policy deleted meanwhile, a database hiccup) never stops the others.
                LOG.warnf(e, "re-evaluating assignment %s failed; it stays due", id);
            }
        }
    }

    /** Exemptions that expired send their assignments back for re-evaluation, once. */
    void lapseExpiredExemptions() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        entityManager.createNativeQuery("UPDATE policy_assignment SET evaluation_due_at = :now WHERE id IN (SELECT assignment_id "
                + "FROM policy_exemption WHERE NOT lapsed AND expires_at <= :now)").setParameter("now", now).executeUpdate();
        entityManager.createNativeQuery("UPDATE policy_exemption SET lapsed = TRUE WHERE NOT lapsed AND expires_at <= :now")
                .setParameter("now", now).executeUpdate();
    }

    @Scheduled(every = "${edgefleet.policy.full-pass}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void fullPass() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createQuery("UPDATE Assignment a SET a.evaluationDueAt = :now "
                + "WHERE a.evaluationDueAt IS NULL").setParameter("now", OffsetDateTime.now(clock)).executeUpdate());
    }

    /** Walks the assignment's whole scope once; returns how many devices it covered. */
    public long evaluate(UUID assignmentId) {
        Assignment seen = QuarkusTransaction.requiringNew().call(() -> entityManager.find(Assignment.class, assignmentId));
        if (seen == null) {
            return 0;
        }
        WhatIf whatIf = new WhatIf();
        UUID after = null;
        do {
            UUID from = after;
            after = QuarkusTransaction.requiringNew().call(() -> page(assignmentId, from, whatIf));
        } while (after != null);
        OffsetDateTime now = OffsetDateTime.now(clock);
        QuarkusTransaction.requiringNew().run(() -> finish(seen, whatIf, now));
        return whatIf.covered();
    }

    /** One page of the organization's devices; returns the last device id, or null after the last page. */
    private UUID page(UUID assignmentId, UUID after, WhatIf whatIf) {
        Assignment assignment = entityManager.find(Assignment.class, assignmentId);
        PolicyDefinition policy = assignment == null ? null : entityManager.find(PolicyDefinition.class, assignment.policyId);
        if (policy == null || !"device".equals(policy.kind)) {
            return null;
        }
        ComplianceEvaluator.Evaluable evaluable = evaluator.evaluable(assignment, policy);
        ScopeMatcher scope = new ScopeMatcher(groups, assignment.orgId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        ActiveExemptions exemptions = ActiveExemptions.of(entityManager, assignment.orgId, now);
        List<ProjectedDocuments.Document> page = documents.page(assignment.orgId, after, PAGE);
        for (ProjectedDocuments.Document device : page) {
            DeviceDocument judged = DeviceDocument.of(device.state(), device.cluster());
            whatIf.add(device.deviceId(), evaluator.judge(evaluable, device, judged, scope, exemptions, now));
        }
        return page.size() < PAGE ? null : page.get(page.size() - 1).deviceId();
    }

    private void finish(Assignment seen, WhatIf whatIf, OffsetDateTime now) {
        Assignment assignment = entityManager.find(Assignment.class, seen.id);
        PolicyDefinition policy = assignment == null ? null : entityManager.find(PolicyDefinition.class, assignment.policyId);
        if (policy != null) {
            ComplianceEvaluator.Evaluable evaluable = evaluator.evaluable(assignment, policy);
            if (evaluable.broken() == null) {
                denyRules.publish(assignment, policy, evaluable.params());
            } else {
                LOG.warnf("assignment %s cannot be judged (%s); its published deny rule, if any, stays", seen.id,
                        evaluable.broken().reasons().get(0).message());
            }
            entityManager.flush();
        }
        entityManager.createNativeQuery("UPDATE policy_assignment SET evaluated_at = :now, what_if = CAST(:whatIf AS jsonb), "
                        + "evaluation_due_at = CASE WHEN evaluation_due_at = CAST(:seen AS timestamptz) THEN NULL ELSE evaluation_due_at END "
                        + "WHERE id = :id")
                .setParameter("now", now).setParameter("id", seen.id).setParameter("seen", seen.evaluationDueAt)
                .setParameter("whatIf", seen.enforced() ? null : whatIf.json(now)).executeUpdate();
    }
}
