package io.edgefleet.events.provisioning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** Data of {@code edgefleet.provisioning.enrollment.rejected.v1}; subject and key = enrollment id. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnrollmentRejected(String enrollmentId, String decidedBy, String reason, Instant decidedAt) {
}
