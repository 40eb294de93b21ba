package io.edgefleet.events.provisioning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** Data of {@code edgefleet.provisioning.enrollment.requested.v1}; subject and key = enrollment id. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnrollmentRequested(String enrollmentId, String tokenId, String hostname, boolean requiresApproval,
                                  Instant requestedAt) {
}
