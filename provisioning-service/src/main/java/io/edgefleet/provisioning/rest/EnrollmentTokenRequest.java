package io.edgefleet.provisioning.rest;

import io.edgefleet.core.limits.Limits;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An operator's request for an enrollment token.
 *
 * @param expiresAt after this instant the token enrolls nothing
 * @param maxUses how many devices may enroll with it (1 = single-use)
 * @param requiresApproval whether each enrollment waits for an operator's approval
 * @param targetGroup static group that enrolled devices join (optional)
 * @param targetLabels labels that enrolled devices get
 */
public record EnrollmentTokenRequest(
        @NotBlank @Size(max = Limits.NAME) String name,
        @NotNull @Future OffsetDateTime expiresAt,
        @Min(1) @Max(100_000) int maxUses,
        boolean requiresApproval,
        @Size(max = Limits.NAME) @Schema(description = "A static device group of inventory, by name or id, that enrolled "
                + "devices join; kept by name. A group that does not exist or is dynamic is refused (422).") String targetGroup,
        @Size(max = Limits.LABELS) Map<@Size(max = Limits.LABEL_KEY) String, @Size(max = Limits.LABEL_VALUE) String> targetLabels) {
}
