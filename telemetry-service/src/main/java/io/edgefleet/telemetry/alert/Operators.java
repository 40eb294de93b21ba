package io.edgefleet.telemetry.alert;

import java.util.Set;

/** Threshold comparisons; only these ever reach SQL text. */
final class Operators {

    static final Set<String> ALLOWED = Set.of(">", ">=", "<", "<=");

    private Operators() {
    }

    static String sql(String operator) {
        if (!ALLOWED.contains(operator)) {
            throw new IllegalArgumentException("operator " + operator);
        }
        return operator;
    }
}
