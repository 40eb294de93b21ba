package io.edgefleet.policy.rest;

import io.edgefleet.core.concurrency.Versions;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.policy.assignment.Assignment;
import io.edgefleet.policy.assignment.AssignmentService;
import io.edgefleet.policy.assignment.AssignmentSpec;
import io.edgefleet.policy.compliance.ComplianceQueries;
import io.edgefleet.rest.openapi.Refusals;
import io.edgefleet.rest.paging.Cursors;
import io.edgefleet.rest.paging.ListQuery;
import io.edgefleet.rest.paging.Page;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/policy-assignments}: which policy applies where, with what effect. Operators write, viewers read. */
@Tag(name = "Policy assignments", description = "A policy applied to a scope with an effect and an enforcement.")
@Path("/api/v1/policy-assignments")
public class AssignmentResource {

    private final AssignmentService assignments;
    private final ComplianceQueries compliance;
    private final CurrentOrganization org;

    public AssignmentResource(AssignmentService assignments, ComplianceQueries compliance, CurrentOrganization org) {
        this.assignments = assignments;
        this.compliance = compliance;
        this.org = org;
    }

    /**
     * What the service knows of an assignment's evaluation.
     *
     * @param evaluationPending its whole scope is due to be (re-)evaluated
     * @param compliance records per state (enforced assignments of device policies)
     * @param whatIf a dry-run's findings once computed: devices covered, compliant, non-compliant, errors, the first non-compliant ones
     */
    public record AssignmentStatus(boolean evaluationPending, OffsetDateTime evaluatedAt, Map<String, Long> compliance,
                                   Map<String, Object> whatIf) {
    }

    /** An assignment as the API shows it. */
    public record AssignmentView(UUID id, String resourceVersion, boolean byDefault, AssignmentSpec spec,
                                 AssignmentStatus status, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    @Operation(operationId = "createPolicyAssignment", summary = "Assign a policy; its scope is evaluated within seconds")
    @APIResponse(responseCode = "201", description = "The assignment, with its ETag and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @POST
    @RolesAllowed(FleetRoles.OPERATOR)
    public RestResponse<AssignmentView> create(@Valid @NotNull AssignmentSpec spec, @Context UriInfo uri) {
        Assignment assignment = assignments.create(org.id(), spec);
        return RestResponse.ResponseBuilder.<AssignmentView>created(uri.getAbsolutePathBuilder()
                        .path(assignment.id.toString()).build()).entity(view(assignment, Map.of()))
                .header(HttpHeaders.ETAG, Versions.etag(assignment.version)).build();
    }

    @Operation(operationId = "listPolicyAssignments", summary = "List policy assignments")
    @GET
    @RolesAllowed(FleetRoles.VIEWER)
    public Page<AssignmentView> list(@BeanParam ListQuery query, @QueryParam("sort") @Parameter(description = "Order: a field, `-` first for descending; ties by id.",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "id", enumeration = {"id", "-id", "name", "-name", "createdAt", "-createdAt"})) String sort) {
        query.refuseLabelSelector("policy assignments");
        Keyset<Assignment> page = Cursors.keyset(query, AssignmentService.SORTING, sort);
        Map<UUID, Map<String, Long>> counts = compliance.countsByAssignment(org.id());
        return Page.fromOverfetch(assignments.page(org.id(), page), query.limit(), page::keyOf,
                a -> view(a, counts.getOrDefault(a.id, Map.of())));
    }

    @Operation(operationId = "getPolicyAssignment", summary = "Get a policy assignment with its status, and its ETag")
    @GET
    @Path("{id}")
    @RolesAllowed(FleetRoles.VIEWER)
    public RestResponse<AssignmentView> get(@PathParam("id") UUID id) {
        return withETag(assignments.get(org.id(), id));
    }

    /** Replaces the assignment's spec; {@code If-Match: "<version>"} guards against lost updates. */
    @Operation(operationId = "replacePolicyAssignment", summary = "Replace a policy assignment")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @APIResponse(responseCode = "412", description = Refusals.PRECONDITION_FAILED)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @PUT
    @Path("{id}")
    @RolesAllowed(FleetRoles.OPERATOR)
    public RestResponse<AssignmentView> replace(@PathParam("id") UUID id, @Valid @NotNull AssignmentSpec spec,
                                                @HeaderParam(HttpHeaders.IF_MATCH) @Schema(maxLength = Limits.SHORT_TEXT) String ifMatch) {
        return withETag(assignments.replace(org.id(), id, spec, Versions.named(ifMatch)));
    }

    @Operation(operationId = "deletePolicyAssignment", summary = "Delete a policy assignment and its compliance records")
    @APIResponse(responseCode = "204", description = "Deleted")
    @DELETE
    @Path("{id}")
    @RolesAllowed(FleetRoles.OPERATOR)
    public Response delete(@PathParam("id") UUID id) {
        assignments.delete(org.id(), id);
        return Response.noContent().build();
    }

    private RestResponse<AssignmentView> withETag(Assignment assignment) {
        return RestResponse.ResponseBuilder.ok(view(assignment, compliance.countsByAssignment(org.id())
                .getOrDefault(assignment.id, Map.of()))).header(HttpHeaders.ETAG, Versions.etag(assignment.version)).build();
    }

    private AssignmentView view(Assignment a, Map<String, Long> counts) {
        return new AssignmentView(a.id, Versions.text(a.version), a.byDefault, assignments.specOf(a),
                new AssignmentStatus(a.evaluationDueAt != null, a.evaluatedAt, counts, a.whatIf), a.createdAt, a.updatedAt);
    }
}
