package io.edgefleet.provisioning.rest;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.provisioning.domain.Enrollment;
import io.edgefleet.provisioning.repository.ProvisioningSorting;
import io.edgefleet.provisioning.service.EnrollmentService;
import io.edgefleet.rest.limits.RateLimited;
import io.edgefleet.rest.openapi.Refusals;
import io.edgefleet.rest.paging.Cursors;
import io.edgefleet.rest.paging.ListQuery;
import io.edgefleet.rest.paging.Page;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /api/v1/enrollments}. Agents POST with an enrollment token (the token is their only
 * credential at this point); operators list, approve and reject.
 */
@Tag(name = "Enrollment", description = "Enrollment tokens, bundles and requests.")
@Path("/api/v1/enrollments")
public class EnrollmentResource {

    private final EnrollmentService service;
    private final CurrentOrganization org;

    public EnrollmentResource(EnrollmentService service, CurrentOrganization org) {
        this.service = service;
        this.org = org;
    }

    /** 201 with status {@code approved} and the device id, or 202 with status {@code pending}. */
    @Operation(operationId = "enrollDevice", summary = "Enroll a device with an enrollment token")
    @APIResponse(responseCode = "201", description = "Enrolled: the token approves on its own",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnrollmentView.class)))
    @APIResponse(responseCode = "202", description = "Pending an operator's approval",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnrollmentView.class)))
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @APIResponse(responseCode = "429", description = Refusals.RATE_LIMITED)
    @RateLimited("enrollment")
    @POST
    @PermitAll
    @SecurityRequirementsSet({})
    public RestResponse<EnrollmentView> enroll(@Valid @NotNull EnrollRequest request, UriInfo uri) {
        Enrollment enrollment = service.enroll(request.token(), request.facts(), request.publicKey());
        var status = enrollment.status == Enrollment.Status.APPROVED ? RestResponse.Status.CREATED : RestResponse.Status.ACCEPTED;
        return RestResponse.ResponseBuilder.create(status, EnrollmentView.of(enrollment))
                .location(uri.getAbsolutePathBuilder().path(enrollment.id.toString()).build()).build();
    }

    @Operation(operationId = "listEnrollments", summary = "List enrollment requests")
    @GET
    @RolesAllowed(FleetRoles.VIEWER)
    public Page<EnrollmentView> list(@BeanParam ListQuery query, @QueryParam("status")
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"pending", "approved", "rejected"})) String status,
            @QueryParam("sort") @Parameter(description = "Order: a field, `-` first for descending; ties by id.",
                    schema = @Schema(type = SchemaType.STRING, defaultValue = "id", enumeration = {"id", "-id", "requestedAt", "-requestedAt"})) String sort) {
        query.refuseLabelSelector("enrollments");
        Keyset<Enrollment> page = Cursors.keyset(query, ProvisioningSorting.ENROLLMENTS, sort);
        return Page.fromOverfetch(service.page(org.id(), status(status), page), query.limit(), page::keyOf, EnrollmentView::of);
    }

    @Operation(operationId = "getEnrollment", summary = "Get an enrollment request")
    @GET
    @Path("{id}")
    @RolesAllowed(FleetRoles.VIEWER)
    public EnrollmentView get(@PathParam("id") UUID id) {
        return EnrollmentView.of(service.get(org.id(), id));
    }

    @Operation(operationId = "approveEnrollment", summary = "Approve a pending enrollment")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @POST
    @Path("{id}/approve")
    @RolesAllowed(FleetRoles.OPERATOR)
    public EnrollmentView approve(@PathParam("id") UUID id) {
        return EnrollmentView.of(service.approve(org.id(), id, org.actor()));
    }

    @Operation(operationId = "rejectEnrollment", summary = "Reject a pending enrollment")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @POST
    @Path("{id}/reject")
    @RolesAllowed(FleetRoles.OPERATOR)
    public EnrollmentView reject(@PathParam("id") UUID id, @Valid RejectRequest request) {
        return EnrollmentView.of(service.reject(org.id(), id, org.actor(), request == null ? null : request.reason()));
    }

    /** Why an operator rejects an enrollment (optional). */
    public record RejectRequest(@Size(max = Limits.TEXT) String reason) {
    }

    private static Optional<Enrollment.Status> status(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enrollment.Status.valueOf(value.trim().toUpperCase()));
        } catch (IllegalArgumentException e) {
            throw new FleetException(CommonErrorCode.VALIDATION_FAILED, "status must be pending, approved or rejected");
        }
    }
}
