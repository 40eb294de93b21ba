package io.edgefleet.policy.definition;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.edgefleet.core.limits.Limits;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an operator writes to define a policy, and what the API shows of any policy.
 *
 * @param kind {@code device} (judges a device's document) or {@code admission} (judges a proposed change)
 * @param rule CEL: bool (true when compliant) or a list of violations, each a message or {@code {field, message, value?}}
 * @param field the document field a {@code false} result is about, e.g. {@code device.linuxNode.memoryMb}
 * @param message what a {@code false} result tells the operator
 * @param parameters a JSON Schema (2020-12) of the parameters an assignment gives
 * @param defaults parameters used where an assignment gives none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicySpec(@Size(max = Limits.NAME) String name, @Size(max = Limits.SHORT_TEXT) String displayName,
                         @Size(max = Limits.TEXT) String description, @Size(max = Limits.SHORT_TEXT) String category,
                         @Schema(enumeration = {"device", "admission"}) @Size(max = Limits.SHORT_TEXT) String kind,
                         @Size(max = Limits.POLICY_RULE) String rule, @Size(max = Limits.SHORT_TEXT) String field,
                         @Size(max = Limits.TEXT) String message,
                         @Schema(description = "JSON Schema of the parameters (at most 16 KiB as JSON)", maxProperties = Limits.LABELS)
                         @Size(max = Limits.LABELS) Map<String, Object> parameters,
                         @Schema(description = "Default parameters (at most 16 KiB as JSON)", maxProperties = Limits.LABELS)
                         @Size(max = Limits.LABELS) Map<String, Object> defaults) {

    public static PolicySpec of(PolicyDefinition policy) {
        return new PolicySpec(policy.name, policy.displayName, policy.description, policy.category, policy.kind, policy.rule,
                policy.field, policy.message, policy.parameters, policy.defaults);
    }
}
