package io.edgefleet.events.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * Data of {@code edgefleet.policy.compliance.changed.v1}: one device's compliance with one
 * assignment changed (only changes are published). Key = device id.
 *
 * @param deviceId inventory's device id
 * @param previousState null for the device's first verdict under this assignment
 * @param state compliant, non-compliant, exempt, unknown or error
 * @param reasons why, when non-compliant or in error: each names the field, its value and the rule's message
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComplianceChanged(String deviceId, String assignmentId, String assignmentName, String policyId,
                                String policyName, String effect, String previousState, String state,
                                List<Reason> reasons, Instant changedAt) {

    /** One reason: {@code field} is {@code value}, and the rule says {@code message}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reason(String field, String value, String message) {
    }
}
