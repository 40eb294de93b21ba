package io.edgefleet.policy.exemption;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.edgefleet.core.limits.Limits;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an operator writes to exempt a device or a group from one assignment.
 *
 * @param assignment the assignment's id
 * @param device inventory's id of the exempt device; or
 * @param group the exempt group's id
 * @param reason {@code waiver} (accepted as it is) or {@code mitigated} (handled another way)
 * @param expiresAt when the exemption stops applying, on its own; at most a year ahead
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExemptionSpec(@Size(max = Limits.NAME) String name, UUID assignment, UUID device, UUID group,
                            @Schema(enumeration = {"waiver", "mitigated"}) @Size(max = Limits.SHORT_TEXT) String reason,
                            @Size(max = Limits.TEXT) String description, OffsetDateTime expiresAt) {

    public static ExemptionSpec of(Exemption e) {
        return new ExemptionSpec(e.name, e.assignmentId, e.deviceId, e.groupId, e.reason, e.description, e.expiresAt);
    }
}
