package io.edgefleet.telemetry.alert;

import io.edgefleet.core.text.Choices;

/** Threshold comparisons; only these ever reach SQL text. */
final class Operators {

    static final Choices ALLOWED = Choices.of(">", ">=", "<", "<=");

    private Operators() {
    }

    static String sql(String operator) {
        if (!ALLOWED.accepts(operator)) {
            throw new IllegalArgumentException("operator " + operator);
        }
        return operator;
    }
}
