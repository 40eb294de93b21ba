package io.edgefleet.provisioning.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.edgefleet.provisioning.domain.EnrollmentToken;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * An enrollment token as the API shows it. {@code secret} is present only in the response that
 * created the token; it cannot be read again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrollmentTokenView(String id, String name, OffsetDateTime expiresAt, int maxUses, int uses,
                                  boolean requiresApproval, String targetGroup, Map<String, String> targetLabels,
                                  OffsetDateTime createdAt, String createdBy, OffsetDateTime revokedAt, String status,
                                  String secret) {

    static EnrollmentTokenView of(EnrollmentToken t, OffsetDateTime now, String secret) {
        EnrollmentToken.TokenRefusal refusal = t.refusalAt(now);
        String state = refusal == null ? "active" : refusal.name().toLowerCase().replace('_', '-');
        return new EnrollmentTokenView(t.id.toString(), t.name, t.expiresAt, t.maxUses, t.uses, t.requiresApproval,
                t.targetGroup, t.targetLabels, t.createdAt, t.createdBy, t.revokedAt, state, secret);
    }
}
