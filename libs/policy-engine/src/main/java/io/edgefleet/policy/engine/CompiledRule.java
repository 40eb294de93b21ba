package io.edgefleet.policy.engine;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A rule that compiled: evaluates it on one input at a time, from any thread, within its cost limits. */
public final class CompiledRule {

    private final RuleSource source;
    private final CelRuntime.Program program;
    private final CostLimits limits;

    CompiledRule(RuleSource source, CelRuntime.Program program, CostLimits limits) {
        this.source = source;
        this.program = program;
        this.limits = limits;
    }

    public RuleSource source() {
        return source;
    }

    CelRuntime.Program program() {
        return program;
    }

    /** The verdict on {@code input}; never throws: an error or a runaway rule is a verdict too. */
    public Verdict evaluate(PolicyInput input) {
        CostMeter meter = new CostMeter(limits);
        Object result;
        try {
            result = program.trace(input.variables(), meter);
        } catch (CelEvaluationException e) {
            return failure(e);
        } catch (CostMeter.Exceeded e) {
            return Verdict.tooExpensive(e.getMessage());
        } catch (RuntimeException e) {
            return Verdict.failed(String.valueOf(e.getMessage()));
        }
        return verdict(result, input);
    }

    private static Verdict failure(CelEvaluationException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CostMeter.Exceeded exceeded) {
                return Verdict.tooExpensive(exceeded.getMessage());
            }
        }
        if (e.getErrorCode() == dev.cel.common.CelErrorCode.ITERATION_BUDGET_EXCEEDED
                || String.valueOf(e.getMessage()).contains("Iteration budget exceeded")) {
            return Verdict.tooExpensive("iterated more than its budget of loop iterations");
        }
        return Verdict.failed(e.getMessage());
    }

    private Verdict verdict(Object result, PolicyInput input) {
        if (result instanceof Boolean compliant) {
            return compliant ? Verdict.compliant()
                    : Verdict.violated(List.of(new Violation(source.field(), DocumentPaths.valueAt(input, source.field()),
                            source.message())));
        }
        if (!(result instanceof List<?> items)) {
            return Verdict.failed("the rule returned " + result + ", not bool or a list of violations");
        }
        if (items.isEmpty()) {
            return Verdict.compliant();
        }
        List<Violation> violations = new ArrayList<>();
        for (Object item : items.subList(0, Math.min(items.size(), Verdict.MAX_VIOLATIONS))) {
            Violation violation = violation(item, input);
            if (violation == null) {
                return Verdict.failed("violation " + (violations.size() + 1) + " is " + item
                        + ", not a message or {field, message}");
            }
            violations.add(violation);
        }
        return Verdict.violated(violations);
    }

    private Violation violation(Object item, PolicyInput input) {
        if (item instanceof String message) {
            return new Violation(source.field(), DocumentPaths.valueAt(input, source.field()), message);
        }
        if (!(item instanceof Map<?, ?> map) || !(map.get("message") instanceof String message)) {
            return null;
        }
        String field = map.get("field") instanceof String named ? named : source.field();
        String value = map.containsKey("value") ? DocumentPaths.render(map.get("value")) : DocumentPaths.valueAt(input, field);
        return new Violation(field, value, message);
    }
}
