package io.edgefleet.events.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Map;

/**
 * Data of {@code edgefleet.policy.deny-rule.v1} on the compacted {@code fleet.policy.rules}: one
 * enforced deny assignment with everything needed to judge a change without calling policy-service
 * (its policy's rule, the resolved parameters, its scope). Key = assignment id; a tombstone once
 * the assignment is deleted, no longer enforced or no longer denies.
 *
 * @param kind {@code device} (refuses changes to a device that breaks the rule) or {@code admission}
 *             (refuses a change the rule forbids)
 * @param params the assignment's parameters laid over the policy's defaults
 * @param groupId the scope's group, or null
 * @param labelSelector the scope's label selector, or null (neither: the whole organization)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DenyRule(String assignmentId, String assignmentName, String policyId, String policyName, String kind,
                       String rule, String field, String message, Map<String, Object> params, String groupId,
                       String labelSelector, Instant changedAt) {
}
