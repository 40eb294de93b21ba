package io.edgefleet.telemetry.alert;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.labels.LabelSelector;
import io.edgefleet.core.text.Choices;
import io.edgefleet.telemetry.config.Durations;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.regex.Pattern;

/** Checks a rule spec (each broken rule a 422 naming its field) and copies it onto the stored rule. */
@ApplicationScoped
public class AlertRuleValidator {

    private static final Choices SEVERITIES = Choices.of("critical", "warning", "info");
    private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final int DEFAULT_MIN_COMMANDS = 3;

    /** The longest failure-rate window a rule may have: command outcomes older than this serve no rule. */
    static final Duration LONGEST_FAILURE_WINDOW = Duration.ofDays(7);

    void validate(AlertRuleSpec spec) {
        require(spec.name() != null && !spec.name().isBlank() && spec.name().length() <= 100, "name",
                "is required, at most 100 characters");
        require(SEVERITIES.accepts(spec.severity()), "severity", "must be critical, warning or info");
        RuleKind kind = kind(spec.kind());
        if (spec.labelSelector() != null) {
            LabelSelector.parse(spec.labelSelector());
        }
        require((spec.threshold() != null) == (kind == RuleKind.THRESHOLD)
                && (spec.offline() != null) == (kind == RuleKind.OFFLINE)
                && (spec.commandFailureRate() != null) == (kind == RuleKind.COMMAND_FAILURE_RATE), kind.wireName(),
                "a " + kind.wireName() + " rule has exactly the '" + section(kind) + "' settings");
        switch (kind) {
            case THRESHOLD -> threshold(spec.threshold());
            case OFFLINE -> within("offline.after", spec.offline().after(), Duration.ofMinutes(1), Duration.ofDays(30));
            case COMMAND_FAILURE_RATE -> failureRate(spec.commandFailureRate());
        }
    }

    void copy(AlertRuleSpec spec, AlertRule rule) {
        rule.name = spec.name();
        rule.kind = spec.kind();
        rule.severity = spec.severity();
        rule.labelSelector = spec.labelSelector() == null ? null : LabelSelector.parse(spec.labelSelector()).toString();
        AlertRuleSpec.Threshold t = spec.threshold();
        rule.metric = t == null ? null : t.metric();
        rule.operator = t == null ? null : t.operator();
        rule.threshold = t == null ? null : t.value();
        rule.forSeconds = t == null || t.forDuration() == null ? 0 : Durations.parse("threshold.for", t.forDuration()).toSeconds();
        rule.offlineSeconds = spec.offline() == null ? null : Durations.parse("offline.after", spec.offline().after()).toSeconds();
        AlertRuleSpec.CommandFailureRate f = spec.commandFailureRate();
        rule.failureRate = f == null ? null : f.rate();
        rule.windowSeconds = f == null ? null : Durations.parse("commandFailureRate.window", f.window()).toSeconds();
        rule.minCommands = f == null ? null : f.minCommands() == null ? DEFAULT_MIN_COMMANDS : f.minCommands();
    }

    private void threshold(AlertRuleSpec.Threshold t) {
        require(t.metric() != null && METRIC.matcher(t.metric()).matches(), "threshold.metric", "must be a metric name");
        require(Operators.ALLOWED.accepts(t.operator()), "threshold.operator", "must be one of >, >=, <, <=");
        require(t.value() != null && Double.isFinite(t.value()), "threshold.value", "must be a number");
        if (t.forDuration() != null) {
            within("threshold.for", t.forDuration(), Duration.ZERO, Duration.ofDays(1));
        }
    }

    private void failureRate(AlertRuleSpec.CommandFailureRate f) {
        require(f.rate() != null && f.rate() > 0 && f.rate() <= 1, "commandFailureRate.rate", "must be above 0 and at most 1");
        within("commandFailureRate.window", f.window(), Duration.ofMinutes(1), LONGEST_FAILURE_WINDOW);
        require(f.minCommands() == null || f.minCommands() >= 1, "commandFailureRate.minCommands", "must be at least 1");
    }

    private static RuleKind kind(String wireName) {
        try {
            return RuleKind.fromWireName(wireName);
        } catch (IllegalArgumentException e) {
            throw FleetException.unprocessable("kind", "must be threshold, offline or command-failure-rate");
        }
    }

    private static String section(RuleKind kind) {
        return kind == RuleKind.COMMAND_FAILURE_RATE ? "commandFailureRate" : kind.wireName();
    }

    private static void within(String field, String value, Duration min, Duration max) {
        Duration d = Durations.parse(field, value);
        require(d.compareTo(min) >= 0 && d.compareTo(max) <= 0, field, "must be between " + Durations.format(min.toSeconds())
                + " and " + Durations.format(max.toSeconds()));
    }

    private static void require(boolean ok, String field, String rule) {
        if (!ok) {
            throw FleetException.unprocessable(field, rule);
        }
    }
}
