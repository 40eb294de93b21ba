package io.edgefleet.policy.definition;

import io.edgefleet.core.error.FieldError;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.policy.PolicyErrorCode;
import io.edgefleet.policy.engine.CompiledRule;
import io.edgefleet.policy.engine.PolicyEngine;
import io.edgefleet.policy.engine.RuleKind;
import io.edgefleet.policy.engine.RuleRejected;
import io.edgefleet.policy.engine.RuleSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Compiles policies' rules once per version of the policy and keeps them; refuses a rule that is not valid. */
@ApplicationScoped
public class PolicyRules {

    private final PolicyEngine engine;
    private final Map<UUID, Map.Entry<Long, CompiledRule>> compiled = new ConcurrentHashMap<>();

    public PolicyRules(PolicyEngine engine) {
        this.engine = engine;
    }

    /**
     * Compiles a rule as written.
     *
     * @throws FleetException 422 {@code POLICY_RULE_INVALID} naming the CEL error and its line and column
     */
    public CompiledRule compile(String expression, RuleKind kind, String field, String message, Map<String, Object> sample) {
        try {
            return engine.compile(new RuleSource(expression, kind, field, message, sample));
        } catch (RuleRejected e) {
            throw new FleetException(PolicyErrorCode.POLICY_RULE_INVALID, "spec.rule: " + e.getMessage(),
                    e.problems().stream().map(p -> new FieldError("spec.rule", p.toString())).toList());
        }
    }

    /** The stored policy's rule, compiled (once per version). */
    public CompiledRule of(PolicyDefinition policy) {
        Map.Entry<Long, CompiledRule> cached = compiled.get(policy.id);
        if (cached != null && cached.getKey() == policy.version) {
            return cached.getValue();
        }
        CompiledRule rule = compile(policy.rule, policy.ruleKind(), policy.field, policy.message, policy.defaults);
        compiled.put(policy.id, Map.entry(policy.version, rule));
        return rule;
    }
}
