package io.edgefleet.telemetry.alert;

import java.time.Duration;

/** One line per alert for the human who gets paged: what broke, by how much, against which rule. */
final class Summaries {

    private Summaries() {
    }

    static String of(AlertRule rule, double value) {
        return switch (rule.ruleKind()) {
            case THRESHOLD -> "%s is %s, %s %s for %s".formatted(rule.metric, number(value), rule.operator,
                    number(rule.threshold), Duration.ofSeconds(rule.forSeconds));
            case OFFLINE -> "not heard of for %s (rule: %s)".formatted(Duration.ofSeconds((long) value),
                    Duration.ofSeconds(rule.offlineSeconds));
            case COMMAND_FAILURE_RATE -> "%.0f%% of commands failed in %s (rule: %.0f%% of at least %d)".formatted(value * 100,
                    Duration.ofSeconds(rule.windowSeconds), rule.failureRate * 100, rule.minCommands);
        };
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
