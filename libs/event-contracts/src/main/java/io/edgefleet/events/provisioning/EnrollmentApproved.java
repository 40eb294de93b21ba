package io.edgefleet.events.provisioning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * Data of {@code edgefleet.provisioning.enrollment.approved.v1}; subject and key = enrollment id.
 * {@code decidedBy} is {@code auto} when the token needed no approval.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnrollmentApproved(String enrollmentId, String deviceId, String decidedBy, Instant decidedAt) {
}
