package io.edgefleet.policy.rest;

import io.edgefleet.core.concurrency.Versions;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.policy.exemption.Exemption;
import io.edgefleet.policy.exemption.ExemptionService;
import io.edgefleet.policy.exemption.ExemptionSpec;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/policy-exemptions}: devices or groups exempt from an assignment until they expire. */
@Tag(name = "Policy exemptions", description = "A device or a group exempt from one assignment, with a reason, until it expires.")
@Path("/api/v1/policy-exemptions")
public class ExemptionResource {

    private final ExemptionService exemptions;
    private final CurrentOrganization org;

    public ExemptionResource(ExemptionService exemptions, CurrentOrganization org) {
        this.exemptions = exemptions;
        this.org = org;
    }

    /** An exemption as the API shows it; {@code expired} once it no longer applies. */
    public record ExemptionView(UUID id, String resourceVersion, ExemptionSpec spec, boolean expired, OffsetDateTime createdAt,
                                OffsetDateTime updatedAt) {

        static ExemptionView of(Exemption e) {
            return new ExemptionView(e.id, Versions.text(e.version), ExemptionSpec.of(e), e.lapsed, e.createdAt, e.updatedAt);
        }
    }

    @Operation(operationId = "createPolicyExemption", summary = "Exempt a device or a group from an assignment until a time")
    @APIResponse(responseCode = "201", description = "The exemption, with its ETag and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExemptionView.class)))
    @APIResponse(responseCode = "404", description = "The assignment does not exist (ASSIGNMENT_NOT_FOUND)")
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @POST
    @RolesAllowed(FleetRoles.OPERATOR)
    public RestResponse<ExemptionView> create(@Valid @NotNull ExemptionSpec spec, @Context UriInfo uri) {
        Exemption exemption = exemptions.create(org.id(), spec);
        return RestResponse.ResponseBuilder.<ExemptionView>created(uri.getAbsolutePathBuilder().path(exemption.id.toString()).build())
                .entity(ExemptionView.of(exemption)).header(HttpHeaders.ETAG, Versions.etag(exemption.version)).build();
    }

    @Operation(operationId = "listPolicyExemptions", summary = "List policy exemptions")
    @GET
    @RolesAllowed(FleetRoles.VIEWER)
    public Page<ExemptionView> list(@BeanParam ListQuery query, @QueryParam("sort") @Parameter(description = "Order: a field, `-` first for descending; ties by id.",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "id", enumeration = {"id", "-id", "name", "-name", "expiresAt", "-expiresAt"})) String sort) {
        query.refuseLabelSelector("policy exemptions");
        Keyset<Exemption> page = Cursors.keyset(query, ExemptionService.SORTING, sort);
        return Page.fromOverfetch(exemptions.page(org.id(), page), query.limit(), page::keyOf, ExemptionView::of);
    }

    @Operation(operationId = "getPolicyExemption", summary = "Get a policy exemption, with its ETag")
    @GET
    @Path("{id}")
    @RolesAllowed(FleetRoles.VIEWER)
    public RestResponse<ExemptionView> get(@PathParam("id") UUID id) {
        return withETag(exemptions.get(org.id(), id));
    }

    @Operation(operationId = "replacePolicyExemption", summary = "Replace a policy exemption")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @APIResponse(responseCode = "412", description = Refusals.PRECONDITION_FAILED)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @PUT
    @Path("{id}")
    @RolesAllowed(FleetRoles.OPERATOR)
    public RestResponse<ExemptionView> replace(@PathParam("id") UUID id, @Valid @NotNull ExemptionSpec spec,
                                               @HeaderParam(HttpHeaders.IF_MATCH) @Schema(maxLength = Limits.SHORT_TEXT) String ifMatch) {
        return withETag(exemptions.replace(org.id(), id, spec, Versions.named(ifMatch)));
    }

    @Operation(operationId = "deletePolicyExemption", summary = "Delete a policy exemption")
    @APIResponse(responseCode = "204", description = "Deleted")
    @DELETE
    @Path("{id}")
    @RolesAllowed(FleetRoles.OPERATOR)
    public Response delete(@PathParam("id") UUID id) {
        exemptions.delete(org.id(), id);
        return Response.noContent().build();
    }

    private static RestResponse<ExemptionView> withETag(Exemption exemption) {
        return RestResponse.ResponseBuilder.ok(ExemptionView.of(exemption)).header(HttpHeaders.ETAG, Versions.etag(exemption.version))
                .build();
    }
}
