package io.edgefleet.policy.assignment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.edgefleet.core.limits.Limits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an operator writes to assign a policy.
 *
 * @param policy the policy's name (its own or a built-in's, e.g. {@code edge.linux-node-memory})
 * @param params laid over the policy's defaults and checked against its parameter schema
 * @param scope which devices; none: every device of the organization
 * @param effect {@code audit} (report compliance), {@code deny} (refuse changes it forbids) or
 *               {@code remediate} (also send the remediation command); admission policies only deny
 * @param enforcement {@code enforced}, or {@code dry-run}: nothing enforced, only the what-if computed
 * @param remediation for {@code remediate}: the command a non-compliant device is sent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssignmentSpec(@Size(max = Limits.NAME) String name, @Size(max = Limits.NAME) String policy,
                             @Schema(description = "Parameters (at most 16 KiB as JSON)", maxProperties = Limits.LABELS)
                             @Size(max = Limits.LABELS) Map<String, Object> params,
                             @Valid Scope scope,
                             @Schema(enumeration = {"audit", "deny", "remediate"}) @Size(max = Limits.SHORT_TEXT) String effect,
                             @Schema(enumeration = {"enforced", "dry-run"}, defaultValue = "enforced")
                             @Size(max = Limits.SHORT_TEXT) String enforcement, @Valid Remediation remediation) {

    /** The command a remediate assignment sends: a command type and its payload (checked against the type's schema). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Remediation(@Size(max = Limits.SHORT_TEXT) String commandType,
                              @Schema(maxProperties = Limits.LABELS) @Size(max = Limits.LABELS) Map<String, Object> payload) {
    }

    /** One of a group or a label selector; neither: the whole organization. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Scope(UUID group, @Size(max = Limits.TEXT) String labelSelector) {
    }

    public static AssignmentSpec of(Assignment assignment, String policyName) {
        Scope scope = assignment.groupId == null && assignment.labelSelector == null ? null
                : new Scope(assignment.groupId, assignment.labelSelector);
        Remediation remediation = assignment.remediationType == null ? null
                : new Remediation(assignment.remediationType, assignment.remediationPayload);
        return new AssignmentSpec(assignment.name, policyName, assignment.params, scope, assignment.effect,
                assignment.enforcement, remediation);
    }
}
