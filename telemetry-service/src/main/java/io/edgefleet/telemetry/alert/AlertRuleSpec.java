package io.edgefleet.telemetry.alert;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.edgefleet.core.limits.Limits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * What an operator writes to define a rule: a name, a kind, a severity, an optional label
 * selector, and the settings of exactly that kind.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertRuleSpec(@Size(max = Limits.NAME) String name, @Size(max = Limits.SHORT_TEXT) String kind,
                            @Size(max = Limits.SHORT_TEXT) String severity, @Size(max = Limits.TEXT) String labelSelector,
                            @Valid Threshold threshold, @Valid Offline offline, @Valid CommandFailureRate commandFailureRate) {

    /** Fires when the device's metric compares true against {@code value} for the whole {@code for} duration. */
    public record Threshold(@Size(max = Limits.METRIC_NAME) String metric, @Size(max = Limits.SHORT_TEXT) String operator, Double value,
                            @JsonProperty("for") @Size(max = Limits.SHORT_TEXT) String forDuration) {
    }

    /** Fires when the device was not heard of (heartbeats, connectivity) for {@code after}. */
    public record Offline(@Size(max = Limits.SHORT_TEXT) String after) {
    }

    /** Fires when at least {@code rate} of at least {@code minCommands} commands finished in {@code window} failed. */
    public record CommandFailureRate(Double rate, @Size(max = Limits.SHORT_TEXT) String window, Integer minCommands) {
    }

    /** The spec of a stored rule, as the API shows it. */
    public static AlertRuleSpec of(AlertRule rule) {
        return new AlertRuleSpec(rule.name, rule.kind, rule.severity, rule.labelSelector,
                rule.metric == null ? null : new Threshold(rule.metric, rule.operator, rule.threshold,
                        io.edgefleet.telemetry.config.Durations.format(rule.forSeconds)),
                rule.offlineSeconds == null ? null : new Offline(io.edgefleet.telemetry.config.Durations.format(rule.offlineSeconds)),
                rule.failureRate == null ? null : new CommandFailureRate(rule.failureRate,
                        io.edgefleet.telemetry.config.Durations.format(rule.windowSeconds), rule.minCommands));
    }
}
