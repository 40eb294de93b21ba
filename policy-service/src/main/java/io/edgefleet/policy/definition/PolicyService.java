package io.edgefleet.policy.definition;

import io.edgefleet.audit.AuditTrail;
import io.edgefleet.core.concurrency.Versions;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.labels.SqlParameters;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.core.paging.SortField;
import io.edgefleet.core.paging.Sorting;
import io.edgefleet.policy.PolicyErrorCode;
import io.edgefleet.policy.engine.RuleKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Policy definitions: an organization's own (created, replaced, deleted here; the rule compiled
 * and its parameter schema checked first) beside the read-only built-ins every organization sees.
 */
@ApplicationScoped
public class PolicyService {

    public static final Sorting<PolicyDefinition> SORTING = Sorting.of(SortField.id("p.id", p -> p.id), "id",
            SortField.text("name", "p.name", p -> p.name), SortField.time("createdAt", "p.createdAt", p -> p.createdAt));

    private static final String RESOURCE = "policy";
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    private final EntityManager entityManager;
    private final PolicyRules rules;
    private final PolicyParameters parameters;
    private final PolicyUse uses;
    private final AuditTrail audit;
    private final Clock clock;

    public PolicyService(EntityManager entityManager, PolicyRules rules, PolicyParameters parameters, PolicyUse uses,
                         AuditTrail audit, Clock clock) {
        this.entityManager = entityManager;
        this.rules = rules;
        this.parameters = parameters;
        this.uses = uses;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public PolicyDefinition create(String orgId, PolicySpec spec) {
        PolicyDefinition policy = new PolicyDefinition();
        policy.id = UUID.randomUUID();
        policy.orgId = orgId;
        policy.createdAt = OffsetDateTime.now(clock);
        apply(policy, spec);
        entityManager.persist(policy);
        audit.record(orgId, "policy.policy.created", RESOURCE, policy.id.toString(), null, spec);
        return policy;
    }

    @Transactional
    public PolicyDefinition replace(String orgId, UUID id, PolicySpec spec, Optional<Long> expectedVersion) {
        PolicyDefinition policy = ownOrRefuse(orgId, id);
        Versions.require(expectedVersion, policy.version, "policy " + id);
        if (!policy.kind.equals(spec.kind()) && uses.isAssigned(policy.id)) {
            throw new FleetException(PolicyErrorCode.POLICY_IN_USE, "the kind of an assigned policy does not change");
        }
        Object before = audit.snapshot(PolicySpec.of(policy));
        apply(policy, spec);
        entityManager.flush();
        uses.changed(policy.id);
        audit.record(orgId, "policy.policy.updated", RESOURCE, id.toString(), before, spec);
        return policy;
    }

    @Transactional
    public void delete(String orgId, UUID id) {
        PolicyDefinition policy = ownOrRefuse(orgId, id);
        if (uses.isAssigned(policy.id)) {
            throw new FleetException(PolicyErrorCode.POLICY_IN_USE, "delete the policy's assignments first");
        }
        audit.record(orgId, "policy.policy.deleted", RESOURCE, id.toString(), PolicySpec.of(policy), null);
        entityManager.remove(policy);
    }

    /** An organization's own policy or a built-in. */
    @Transactional
    public PolicyDefinition get(String orgId, UUID id) {
        return find(orgId, "p.id = :value", id).orElseThrow(() -> notFound(id.toString()));
    }

    /** By name: the organization's own or a built-in. */
    @Transactional
    public PolicyDefinition named(String orgId, String name) {
        return find(orgId, "p.name = :value", name).orElseThrow(() -> notFound(name));
    }

    @Transactional
    public List<PolicyDefinition> page(String orgId, Keyset<PolicyDefinition> page) {
        SqlParameters params = new SqlParameters();
        String hql = "FROM PolicyDefinition p WHERE (p.orgId = " + params.bind(orgId) + " OR p.orgId IS NULL)"
                + page.andOrderBy(params);
        var query = entityManager.createQuery(hql, PolicyDefinition.class);
        params.values().forEach(query::setParameter);
        return query.setMaxResults(page.fetch()).getResultList();
    }

    private Optional<PolicyDefinition> find(String orgId, String condition, Object value) {
        return entityManager.createQuery("FROM PolicyDefinition p WHERE (p.orgId = :org OR p.orgId IS NULL) AND " + condition,
                        PolicyDefinition.class).setParameter("org", orgId).setParameter("value", value)
                .getResultStream().findFirst();
    }

    private PolicyDefinition ownOrRefuse(String orgId, UUID id) {
        PolicyDefinition policy = get(orgId, id);
        if (policy.builtIn()) {
            throw new FleetException(PolicyErrorCode.POLICY_BUILT_IN, "built-in policy " + policy.name + " is read-only; "
                    + "assign it with other parameters, or copy its rule into a policy of your own");
        }
        return policy;
    }

    private void apply(PolicyDefinition policy, PolicySpec spec) {
        RuleKind kind = validate(spec);
        boolean taken = entityManager.createQuery("SELECT count(p) FROM PolicyDefinition p WHERE (p.orgId = :org OR "
                        + "p.orgId IS NULL) AND p.name = :name AND p.id <> :id", Long.class).setParameter("org", policy.orgId)
                .setParameter("name", spec.name()).setParameter("id", policy.id).getSingleResult() > 0;
        if (taken) {
            throw new FleetException(PolicyErrorCode.POLICY_NAME_TAKEN, "a policy named '" + spec.name() + "' exists");
        }
        policy.name = spec.name();
        policy.displayName = spec.displayName();
        policy.description = spec.description();
        policy.category = spec.category();
        policy.kind = kind.wire();
        policy.rule = spec.rule();
        policy.field = spec.field();
        policy.message = spec.message();
        policy.parameters = spec.parameters();
        policy.defaults = spec.defaults() == null ? Map.of() : spec.defaults();
        policy.updatedAt = OffsetDateTime.now(clock);
    }

    /** Checks a spec whole: its name, kind and message, its parameter schema and defaults, and its rule. */
    private RuleKind validate(PolicySpec spec) {
        if (spec.name() == null || !NAME.matcher(spec.name()).matches()) {
            throw FleetException.unprocessable("spec.name", "lower-case letters, digits, '-' and '.', at most 253");
        }
        if (spec.name().startsWith("edge.")) {
            throw FleetException.unprocessable("spec.name", "names starting with 'edge.' are the built-in library's");
        }
        RuleKind kind = RuleKind.fromWire(spec.kind()).orElseThrow(() ->
                FleetException.unprocessable("spec.kind", "device or admission"));
        if (spec.message() == null || spec.message().isBlank()) {
            throw FleetException.unprocessable("spec.message", "what a violation tells the operator; required");
        }
        parameters.requireSchema(spec.parameters());
        PolicyDefinition trial = new PolicyDefinition();
        trial.name = spec.name();
        trial.parameters = spec.parameters();
        trial.defaults = spec.defaults() == null ? Map.of() : spec.defaults();
        if (spec.parameters() != null || !trial.defaults.isEmpty()) {
            parameters.resolve(trial, Map.of(), "spec.defaults");
        }
        rules.compile(spec.rule(), kind, spec.field(), spec.message(), trial.defaults);
        return kind;
    }

    private static FleetException notFound(String ref) {
        return new FleetException(PolicyErrorCode.POLICY_NOT_FOUND, "no policy " + ref);
    }
}
