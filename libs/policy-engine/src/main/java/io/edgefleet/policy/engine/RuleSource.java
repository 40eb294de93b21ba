package io.edgefleet.policy.engine;

import java.util.Map;

/**
 * A rule as its author wrote it.
 *
 * @param expression the CEL expression: bool (true when compliant) or a list of violations, each
 *                   a string (the message) or a map {@code {field, message, value?}}
 * @param kind what it judges
 * @param field the document field a {@code false} result is about, e.g. {@code device.linuxNode.memoryMb}
 * @param message what a {@code false} result tells the operator
 * @param sampleParams parameters to try the rule with when it is compiled (the policy's defaults)
 */
public record RuleSource(String expression, RuleKind kind, String field, String message,
                         Map<String, Object> sampleParams) {

    public RuleSource {
        sampleParams = sampleParams == null ? Map.of() : sampleParams;
    }

    public static RuleSource of(String expression, RuleKind kind, String field, String message) {
        return new RuleSource(expression, kind, field, message, Map.of());
    }
}
