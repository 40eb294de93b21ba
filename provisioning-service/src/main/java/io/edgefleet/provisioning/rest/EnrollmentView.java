package io.edgefleet.provisioning.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.edgefleet.events.provisioning.DeviceFacts;
import io.edgefleet.provisioning.domain.Enrollment;
import java.time.OffsetDateTime;

/** An enrollment as operators and the enrolling agent see it; {@code deviceId} once approved. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrollmentView(String id, String status, String hostname, DeviceFacts facts, String deviceId,
                             String tokenId, OffsetDateTime requestedAt, OffsetDateTime decidedAt, String decidedBy,
                             String rejectReason) {

    static EnrollmentView of(Enrollment e) {
        return new EnrollmentView(e.id.toString(), e.status.name().toLowerCase(), e.hostname, e.facts,
                e.deviceId == null ? null : e.deviceId.toString(), e.tokenId.toString(), e.requestedAt, e.decidedAt,
                e.decidedBy, e.rejectReason);
    }
}
