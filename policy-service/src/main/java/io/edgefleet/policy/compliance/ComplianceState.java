package io.edgefleet.policy.compliance;

import io.edgefleet.events.policy.ComplianceChanged;
import io.edgefleet.policy.engine.Verdict;
import java.util.List;

/**
 * A device's compliance with one assignment, as stored and published: {@code compliant},
 * {@code non-compliant}, {@code exempt}, {@code unknown} or {@code error}, with its reasons.
 */
public record ComplianceState(String state, List<ComplianceChanged.Reason> reasons) {

    public static final String COMPLIANT = "compliant";
    public static final String NON_COMPLIANT = "non-compliant";
    public static final String EXEMPT = "exempt";
    public static final String UNKNOWN = "unknown";
    public static final String ERROR = "error";

    /** Worst first: a roll-up over several records takes the first state any of them has. */
    public static final List<String> PRECEDENCE = List.of(ERROR, NON_COMPLIANT, UNKNOWN, EXEMPT, COMPLIANT);

    public static ComplianceState of(Verdict verdict) {
        return switch (verdict.outcome()) {
            case COMPLIANT -> new ComplianceState(COMPLIANT, List.of());
            case VIOLATED -> new ComplianceState(NON_COMPLIANT, verdict.violations().stream()
                    .map(v -> new ComplianceChanged.Reason(v.field(), v.value(), v.message())).toList());
            case FAILED, TOO_EXPENSIVE -> error(verdict.error());
        };
    }

    public static ComplianceState exempt(String why) {
        return new ComplianceState(EXEMPT, List.of(new ComplianceChanged.Reason(null, null, why)));
    }

    public static ComplianceState error(String message) {
        String text = message == null ? "the rule failed" : message;
        return new ComplianceState(ERROR, List.of(new ComplianceChanged.Reason(null, null,
                text.length() > 1000 ? text.substring(0, 999) + "…" : text)));
    }
}
