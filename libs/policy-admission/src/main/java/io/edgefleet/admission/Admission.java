package io.edgefleet.admission;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.policy.engine.AdmissionRequest;
import io.edgefleet.policy.engine.CompiledRule;
import io.edgefleet.policy.engine.DeviceDocument;
import io.edgefleet.policy.engine.PolicyEngine;
import io.edgefleet.policy.engine.PolicyInput;
import io.edgefleet.policy.engine.RuleKind;
import io.edgefleet.policy.engine.RuleRejected;
import io.edgefleet.policy.engine.RuleSource;
import io.edgefleet.policy.engine.Verdict;
import io.edgefleet.policy.engine.Violation;
import io.edgefleet.projection.read.ProjectedDocuments;
import io.edgefleet.projection.read.ProjectedGroups;
import io.edgefleet.projection.read.ScopeMatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Whether a deny rule forbids a change to a device, from this service's own copies (deny rules,
 * inventory projection): a {@code device} rule refuses any change to a device that breaks it, an
 * {@code admission} rule a change it forbids. A rule that errs on the input refuses too (fail
 * closed: a deny rule that cannot be judged must not open the door). A device not projected yet
 * meets only the organization-wide admission rules.
 */
@ApplicationScoped
public class Admission {

    private final DenyRuleStore rules;
    private final ProjectedDocuments documents;
    private final ProjectedGroups groups;
    private final PolicyEngine engine;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final Map<UUID, Map.Entry<Instant, CompiledRule>> compiled = new ConcurrentHashMap<>();

    public Admission(DenyRuleStore rules, ProjectedDocuments documents, ProjectedGroups groups, PolicyEngine engine, Clock clock,
                     TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        this.rules = rules;
        this.documents = documents;
        this.groups = groups;
        this.engine = engine;
        this.clock = clock;
    }

    /** Why a change is refused: the first rule that forbids it, and its reasons (each naming the field). */
    public record Denial(UUID assignmentId, String assignmentName, String policyName, List<Violation> reasons) {

        public String detail() {
            Violation first = reasons.get(0);
            String field = first.field() == null ? "" : first.field() + (first.value() == null ? "" : " is " + first.value()) + ": ";
            return "policy " + policyName + " (assignment " + assignmentName + ") denies this change: " + field + first.message();
        }

        public FleetException refusal() {
            return new FleetException(AdmissionErrorCode.POLICY_DENIED, detail());
        }
    }

    /**
     * The denial of {@code change} to the device, if any rule of its organization forbids it.
     *
     * @param deviceId the device's inventory id or its enrolled identity's
     * @param change built only when the organization has deny rules (parsing manifests is not free)
     */
    @Transactional
    public Optional<Denial> check(String orgId, UUID deviceId, Supplier<AdmissionRequest> change) {
        return rulesOf(orgId).check(deviceId, change);
    }

    /**
     * The organization's deny rules, read once per transaction: a batch of command requests or a
     * rollout's dispatch judges thousands of changes in one, against the same rules.
     */
    @Transactional
    public OrgRules rulesOf(String orgId) {
        String key = OrgRules.class.getName() + "/" + orgId;
        OrgRules read = (OrgRules) transactions.getResource(key);
        if (read == null) {
            read = new OrgRules(orgId, rules.of(orgId));
            transactions.putResource(key, read);
        }
        return read;
    }

    /** One organization's deny rules as read at one moment. */
    public final class OrgRules {

        private final String orgId;
        private final List<DenyRuleStore.StoredRule> denying;

        private OrgRules(String orgId, List<DenyRuleStore.StoredRule> denying) {
            this.orgId = orgId;
            this.denying = denying;
        }

        /** Whether there is no rule at all: then nothing is ever denied. */
        public boolean isEmpty() {
            return denying.isEmpty();
        }

        /** The denial of {@code change} to the device (its inventory id or its identity's), if a rule forbids it. */
        public Optional<Denial> check(UUID deviceId, Supplier<AdmissionRequest> change) {
            return denying.isEmpty() ? Optional.empty() : check(documents.of(orgId, deviceId), change);
        }

        /** The same, for a device whose projected document the caller holds (empty: not projected). */
        public Optional<Denial> check(Optional<ProjectedDocuments.Document> device, Supplier<AdmissionRequest> change) {
            if (denying.isEmpty()) {
                return Optional.empty();
            }
            AdmissionRequest judged = change.get();
            DeviceDocument document = device.map(d -> DeviceDocument.of(d.state(), d.cluster()))
                    .orElse(new DeviceDocument(Map.of(), Map.of()));
            ScopeMatcher scope = new ScopeMatcher(groups, orgId);
            Instant now = clock.instant();
            for (DenyRuleStore.StoredRule rule : denying) {
                boolean admission = RuleKind.ADMISSION.wire().equals(rule.kind());
                boolean covered = device.map(d -> scope.covers(rule.groupId(), rule.labelSelector(), d.deviceId(), d.state().labels()))
                        .orElse(rule.groupId() == null && rule.labelSelector() == null && admission);
                if (!covered || (device.isEmpty() && !admission)) {
                    continue;
                }
                Optional<Denial> denial = judge(rule, PolicyInput.of(document, rule.params(), now).with(judged));
                if (denial.isPresent()) {
                    return denial;
                }
            }
            return Optional.empty();
        }
    }

    private Optional<Denial> judge(DenyRuleStore.StoredRule rule, PolicyInput input) {
        Verdict verdict;
        try {
            verdict = compiled(rule).evaluate(input);
        } catch (RuleRejected e) {
            return Optional.of(denial(rule, "the rule cannot be judged here: " + e.getMessage()));
        }
        return switch (verdict.outcome()) {
            case COMPLIANT -> Optional.empty();
            case VIOLATED -> Optional.of(new Denial(rule.assignmentId(), rule.assignmentName(), rule.policyName(), verdict.violations()));
            case FAILED, TOO_EXPENSIVE -> Optional.of(denial(rule, "the rule failed on this change: " + verdict.error()));
        };
    }

    private CompiledRule compiled(DenyRuleStore.StoredRule rule) throws RuleRejected {
        Map.Entry<Instant, CompiledRule> cached = compiled.get(rule.assignmentId());
        if (cached != null && cached.getKey().equals(rule.changedAt())) {
            return cached.getValue();
        }
        RuleKind kind = RuleKind.fromWire(rule.kind()).orElseThrow(() -> RuleRejected.of("unknown kind " + rule.kind()));
        CompiledRule fresh = engine.compile(new RuleSource(rule.rule(), kind, rule.field(), rule.message(), rule.params()));
        compiled.put(rule.assignmentId(), Map.entry(rule.changedAt(), fresh));
        return fresh;
    }

    private static Denial denial(DenyRuleStore.StoredRule rule, String why) {
        return new Denial(rule.assignmentId(), rule.assignmentName(), rule.policyName(), List.of(new Violation(null, null, why)));
    }
}
