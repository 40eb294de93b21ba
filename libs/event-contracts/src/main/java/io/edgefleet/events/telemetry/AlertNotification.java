package io.edgefleet.events.telemetry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * Data of the alert events on {@code fleet.telemetry.alerts} (firing, resolved, acknowledged):
 * the alert's whole state, so paging and ticketing systems need no call back. Key and subject =
 * deviceId, so one device's alerts stay in order.
 *
 * @param ruleKind threshold, offline or command-failure-rate
 * @param severity critical, warning or info
 * @param deviceName the device's inventory name when the alert was raised, if known
 * @param value the value that broke (or, when resolved, last met) the rule, if any
 * @param summary one line for a human: what, where and how far past the rule
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertNotification(String alertId, String ruleId, String ruleName, String ruleKind, String severity,
                                String deviceId, String deviceName, String state, Double value, String summary, Instant startedAt,
                                Instant resolvedAt, String acknowledgedBy, Instant changedAt) {
}
