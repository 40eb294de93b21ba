package io.edgefleet.policy.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.admission.Admission;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.events.policy.ComplianceChanged;
import io.edgefleet.policy.engine.AdmissionRequest;
import io.edgefleet.rest.openapi.Refusals;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/v1/admission-reviews}: would the enforced deny assignments refuse this change
 * to this device? The same judgement provisioning and update make, from the same rules, for
 * other systems to ask before they act. Nothing is stored.
 */
@Tag(name = "Admission reviews", description = "Ask whether a change to a device would be denied.")
@Path("/api/v1/admission-reviews")
public class AdmissionReviewResource {

    private final Admission admission;
    private final CurrentOrganization org;

    public AdmissionReviewResource(Admission admission, CurrentOrganization org) {
        this.admission = admission;
        this.org = org;
    }

    /**
     * The change to judge: a command (its type and payload) or an upgrade.
     *
     * @param deviceId the device's inventory id or its enrolled identity's
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AdmissionReview(@NotNull UUID deviceId, @Valid Command command, @Valid Upgrade upgrade) {

        /** A command as provisioning would receive it. */
        public record Command(@NotNull @Size(max = Limits.SHORT_TEXT) String type, JsonNode payload) {
        }

        /** An upgrade from one release to another. */
        public record Upgrade(@Size(max = Limits.SHORT_TEXT) String releaseKind, @Size(max = Limits.SHORT_TEXT) String fromDistribution,
                              @Size(max = Limits.SHORT_TEXT) String toDistribution, @Size(max = Limits.SHORT_TEXT) String fromVersion,
                              @Size(max = Limits.SHORT_TEXT) String toVersion, boolean rollback) {
        }
    }

    /** The answer: allowed, or the first assignment that denies it with its reasons. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AdmissionResult(boolean allowed, UUID assignmentId, String assignmentName, String policyName,
                                  List<ComplianceChanged.Reason> reasons) {
    }

    @Operation(operationId = "reviewAdmission", summary = "Judge a change against the enforced deny assignments")
    @APIResponse(responseCode = "200", description = "The verdict")
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @POST
    @RolesAllowed(FleetRoles.VIEWER)
    public AdmissionResult review(@Valid @NotNull AdmissionReview review) {
        if ((review.command() == null) == (review.upgrade() == null)) {
            throw FleetException.unprocessable("command", "give a command or an upgrade, one of them");
        }
        AdmissionRequest change;
        try {
            change = review.command() != null ? AdmissionRequest.command(review.command().type(), review.command().payload())
                    : upgrade(review.upgrade());
        } catch (IllegalArgumentException e) {
            throw FleetException.unprocessable("command.payload", e.getMessage());
        }
        Optional<Admission.Denial> denial = admission.check(org.id(), review.deviceId(), () -> change);
        return denial.map(d -> new AdmissionResult(false, d.assignmentId(), d.assignmentName(), d.policyName(),
                d.reasons().stream().map(v -> new ComplianceChanged.Reason(v.field(), v.value(), v.message())).toList()))
                .orElse(new AdmissionResult(true, null, null, null, null));
    }

    private static AdmissionRequest upgrade(AdmissionReview.Upgrade u) {
        return AdmissionRequest.upgrade(u.releaseKind(), u.fromDistribution(), u.toDistribution(), u.fromVersion(), u.toVersion(),
                u.rollback());
    }
}
