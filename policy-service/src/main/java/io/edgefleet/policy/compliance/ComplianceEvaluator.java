package io.edgefleet.policy.compliance;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.policy.assignment.Assignment;
import io.edgefleet.policy.assignment.DefaultAssignments;
import io.edgefleet.policy.definition.PolicyDefinition;
import io.edgefleet.policy.definition.PolicyParameters;
import io.edgefleet.policy.definition.PolicyRules;
import io.edgefleet.policy.engine.CompiledRule;
import io.edgefleet.policy.engine.DeviceDocument;
import io.edgefleet.policy.engine.PolicyInput;
import io.edgefleet.policy.exemption.ActiveExemptions;
import io.edgefleet.projection.ProjectionListener;
import io.edgefleet.projection.read.ProjectedDocuments;
import io.edgefleet.projection.read.ProjectedGroups;
import io.edgefleet.projection.read.ScopeMatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Judges devices against the enforced device-policy assignments that cover them. Told by the
 * projection, in its transaction, when a device or its cluster changed (so the verdict and the
 * state it judged commit together); {@link ScopeEvaluations} uses it for whole scopes.
 */
@ApplicationScoped
public class ComplianceEvaluator implements ProjectionListener {

    private final EntityManager entityManager;
    private final ProjectedDocuments documents;
    private final ProjectedGroups groups;
    private final PolicyRules rules;
    private final PolicyParameters parameters;
    private final ComplianceStore store;
    private final DefaultAssignments defaults;
    private final Remediations remediations;
    private final Clock clock;

    public ComplianceEvaluator(EntityManager entityManager, ProjectedDocuments documents, ProjectedGroups groups,
                               PolicyRules rules, PolicyParameters parameters, ComplianceStore store,
                               DefaultAssignments defaults, Remediations remediations, Clock clock) {
        this.remediations = remediations;
        this.entityManager = entityManager;
        this.documents = documents;
        this.groups = groups;
        this.rules = rules;
        this.parameters = parameters;
        this.store = store;
        this.defaults = defaults;
        this.clock = clock;
    }

    /** An assignment ready to judge devices: its compiled rule and parameters, or why it cannot. */
    public record Evaluable(Assignment assignment, PolicyDefinition policy, CompiledRule rule, Map<String, Object> params,
                            ComplianceState broken) {

        ComplianceState judge(DeviceDocument document, OffsetDateTime now) {
            return broken != null ? broken : ComplianceState.of(rule.evaluate(PolicyInput.of(document, params, now.toInstant())));
        }
    }

    @Override
    public void deviceChanged(String orgId, UUID deviceId) {
        defaults.ensure(orgId);
        Optional<ProjectedDocuments.Document> document = documents.of(orgId, deviceId);
        if (document.isEmpty()) {
            store.removeDevice(orgId, deviceId);
            return;
        }
        ScopeMatcher scope = new ScopeMatcher(groups, orgId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        ActiveExemptions exemptions = ActiveExemptions.of(entityManager, orgId, now);
        DeviceDocument judged = DeviceDocument.of(document.get().state(), document.get().cluster());
        for (Evaluable evaluable : enforced(orgId)) {
            judge(evaluable, document.get(), judged, scope, exemptions, now);
        }
    }

    @Override
    public void clusterChanged(String orgId, UUID clusterId) {
        documents.machinesOf(orgId, clusterId).forEach(machine -> deviceChanged(orgId, machine));
    }

    /** Records the verdict where the assignment covers the device, else drops its record; returns the verdict or null. */
    ComplianceState judge(Evaluable evaluable, ProjectedDocuments.Document device, DeviceDocument judged,
                          ScopeMatcher scope, ActiveExemptions exemptions, OffsetDateTime now) {
        Assignment assignment = evaluable.assignment();
        if (!scope.covers(assignment.groupId, assignment.labelSelector, device.deviceId(), device.state().labels())) {
            store.remove(evaluable.assignment().id, device.deviceId());
            return null;
        }
        ComplianceState verdict = exemptions.of(assignment.id, device.deviceId(), device.state().labels(), scope)
                .orElseGet(() -> evaluable.judge(judged, now));
        if (assignment.enforced()) {
            store.record(assignment, evaluable.policy(), device.deviceId(), verdict, now);
            if (Assignment.REMEDIATE.equals(assignment.effect)) {
                remediations.onVerdict(assignment, device.deviceId(), device.state().identityId(), verdict);
            }
        }
        return verdict;
    }

    /** The organization's enforced assignments of device policies. */
    List<Evaluable> enforced(String orgId) {
        List<Object[]> rows = entityManager.createQuery("SELECT a, p FROM Assignment a, PolicyDefinition p WHERE "
                        + "a.policyId = p.id AND a.orgId = :org AND p.kind = 'device' AND a.enforcement = 'enforced' "
                        + "ORDER BY a.id", Object[].class).setParameter("org", orgId).getResultList();
        return rows.stream().map(row -> evaluable((Assignment) row[0], (PolicyDefinition) row[1])).toList();
    }

    Evaluable evaluable(Assignment assignment, PolicyDefinition policy) {
        try {
            Map<String, Object> params = parameters.resolve(policy, assignment.params, "spec.params");
            return new Evaluable(assignment, policy, rules.of(policy), params, null);
        } catch (FleetException e) {
            // The policy changed under the assignment (its schema or rule): every device it covers says why.
            return new Evaluable(assignment, policy, null, Map.of(), ComplianceState.error(e.getMessage()));
        }
    }
}
