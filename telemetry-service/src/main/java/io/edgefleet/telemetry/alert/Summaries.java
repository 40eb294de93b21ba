package io.edgefleet.telemetry.alert;

import java.time.Duration;

/** One line per alert for the human who gets paged: what broke, by how much, against which rule. */
final class Summaries {

    private Summaries() {
    }

    static String of(AlertRule rule, double value) {
        return switch (rule.ruleKind()) {
            case THRESHOLD -> "%s is %s, %s %s for %s".formatted(rule.metric, number(value), rule.operator,
                    number(rule.threshold), human(rule.forSeconds));
            case OFFLINE -> "not heard of for %s (rule: %s)".formatted(human((long) value), human(rule.offlineSeconds));
            case COMMAND_FAILURE_RATE -> "%.0f%% of commands failed in %s (rule: %.0f%% of at least %d)".formatted(value * 100,
                    human(rule.windowSeconds), rule.failureRate * 100, rule.minCommands);
        };
    }

    /** 1h2m5s, 11m, 0s. */
    static String human(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        String text = (d.toHours() > 0 ? d.toHours() + "h" : "") + (d.toMinutesPart() > 0 ? d.toMinutesPart() + "m" : "")
                + (d.toSecondsPart() > 0 ? d.toSecondsPart() + "s" : "");
        return text.isEmpty() ? "0s" : text;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
