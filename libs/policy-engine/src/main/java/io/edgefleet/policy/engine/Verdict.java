package io.edgefleet.policy.engine;

import java.util.List;

/**
 * What a rule said about one input.
 *
 * @param outcome compliant, violated, failed (the rule erred on this input) or too-expensive (stopped)
 * @param violations why, when violated (at most {@link #MAX_VIOLATIONS})
 * @param error what went wrong, when failed or too expensive
 */
public record Verdict(Outcome outcome, List<Violation> violations, String error) {

    /** A rule listing more violations is cut here: the first ones say enough. */
    public static final int MAX_VIOLATIONS = io.edgefleet.core.limits.Limits.POLICY_REASONS;

    public enum Outcome { COMPLIANT, VIOLATED, FAILED, TOO_EXPENSIVE }

    private static final Verdict COMPLIANT = new Verdict(Outcome.COMPLIANT, List.of(), null);

    public static Verdict compliant() {
        return COMPLIANT;
    }

    public static Verdict violated(List<Violation> violations) {
        return new Verdict(Outcome.VIOLATED, List.copyOf(violations.subList(0, Math.min(violations.size(), MAX_VIOLATIONS))), null);
    }

    public static Verdict failed(String error) {
        return new Verdict(Outcome.FAILED, List.of(), error);
    }

    public static Verdict tooExpensive(String error) {
        return new Verdict(Outcome.TOO_EXPENSIVE, List.of(), error);
    }

    public boolean isCompliant() {
        return outcome == Outcome.COMPLIANT;
    }
}
