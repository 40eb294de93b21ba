package io.edgefleet.policy.rest;

import io.edgefleet.core.concurrency.Versions;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.policy.definition.PolicyDefinition;
import io.edgefleet.policy.definition.PolicyService;
import io.edgefleet.policy.definition.PolicySpec;
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

/** {@code /api/v1/policies}: the built-in library and the organization's own policies. Operators write, viewers read. */
@Tag(name = "Policies", description = "Rules in CEL over the device document or a proposed change.")
@Path("/api/v1/policies")
public class PolicyResource {

    private final PolicyService policies;
    private final CurrentOrganization org;

    public PolicyResource(PolicyService policies, CurrentOrganization org) {
        this.policies = policies;
        this.org = org;
    }

    /**
     * A policy as the API shows it.
     *
     * @param builtIn read-only, from the library shipped with the service
     * @param libraryVersion the library's version, for a built-in
     * @param edgeRule a built-in assigned in audit mode to every organization by default
     */
    public record PolicyView(UUID id, String resourceVersion, boolean builtIn, String libraryVersion, boolean edgeRule,
                             PolicySpec spec, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        static PolicyView of(PolicyDefinition policy) {
            return new PolicyView(policy.id, Versions.text(policy.version), policy.builtIn(), policy.libraryVersion,
                    policy.edgeRule, PolicySpec.of(policy), policy.createdAt, policy.updatedAt);
        }
    }

    @Operation(operationId = "createPolicy", summary = "Create a policy; its rule is compiled and bounded first")
    @APIResponse(responseCode = "201", description = "The policy, with its ETag and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE
            + " A rule that does not compile, does not return bool or a list, or costs too much is POLICY_RULE_INVALID, with its line and column.")
    @POST
    @RolesAllowed(FleetRoles.OPERATOR)
    public RestResponse<PolicyView> create(@Valid @NotNull PolicySpec spec, @Context UriInfo uri) {
        PolicyDefinition policy = policies.create(org.id(), spec);
        return RestResponse.ResponseBuilder.<PolicyView>created(uri.getAbsolutePathBuilder().path(policy.id.toString()).build())
                .entity(PolicyView.of(policy)).header(HttpHeaders.ETAG, Versions.etag(policy.version)).build();
    }

    @Operation(operationId = "listPolicies", summary = "List the built-in and the organization's policies")
    @GET
    @RolesAllowed(FleetRoles.VIEWER)
    public Page<PolicyView> list(@BeanParam ListQuery query, @QueryParam("sort") @Parameter(description = "Order: a field, `-` first for descending; ties by id.",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "id", enumeration = {"id", "-id", "name", "-name", "createdAt", "-createdAt"})) String sort) {
        query.refuseLabelSelector("policies");
        Keyset<PolicyDefinition> page = Cursors.keyset(query, PolicyService.SORTING, sort);
        return Page.fromOverfetch(policies.page(org.id(), page), query.limit(), page::keyOf, PolicyView::of);
    }

    @Operation(operationId = "getPolicy", summary = "Get a policy, with its ETag")
    @GET
    @Path("{id}")
    @RolesAllowed(FleetRoles.VIEWER)
    public RestResponse<PolicyView> get(@PathParam("id") UUID id) {
        return withETag(policies.get(org.id(), id));
    }

    /** Replaces an organization's own policy; {@code If-Match: "<version>"} guards against lost updates. */
    @Operation(operationId = "replacePolicy", summary = "Replace a policy of the organization's own")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT + " Built-in policies are read-only.")
    @APIResponse(responseCode = "412", description = Refusals.PRECONDITION_FAILED)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @PUT
    @Path("{id}")
    @RolesAllowed(FleetRoles.OPERATOR)
    public RestResponse<PolicyView> replace(@PathParam("id") UUID id, @Valid @NotNull PolicySpec spec,
                                            @HeaderParam(HttpHeaders.IF_MATCH) @Schema(maxLength = Limits.SHORT_TEXT) String ifMatch) {
        return withETag(policies.replace(org.id(), id, spec, Versions.named(ifMatch)));
    }

    @Operation(operationId = "deletePolicy", summary = "Delete a policy of the organization's own that is not assigned")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @DELETE
    @Path("{id}")
    @RolesAllowed(FleetRoles.OPERATOR)
    public Response delete(@PathParam("id") UUID id) {
        policies.delete(org.id(), id);
        return Response.noContent().build();
    }

    private static RestResponse<PolicyView> withETag(PolicyDefinition policy) {
        return RestResponse.ResponseBuilder.ok(PolicyView.of(policy)).header(HttpHeaders.ETAG, Versions.etag(policy.version)).build();
    }
}
