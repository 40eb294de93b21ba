package io.edgefleet.inventory.rest;

import io.edgefleet.core.concurrency.Versions;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.inventory.domain.RoleBinding;
import io.edgefleet.inventory.repository.InventorySorting;
import io.edgefleet.inventory.service.RoleBindingService;
import io.edgefleet.rest.openapi.Refusals;
import io.edgefleet.rest.paging.Cursors;
import io.edgefleet.rest.paging.ListQuery;
import io.edgefleet.rest.paging.Page;
import io.edgefleet.rest.paging.QueryValues;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Scoped roles, managed by admins: who holds viewer, operator or admin over which devices. Every
 * service enforces a change within moments (from its projection of the binding's event).
 */
@Path("/api/v1/role-bindings")
@Tag(name = "Access")
@RolesAllowed(FleetRoles.ADMIN)
public class RoleBindingResource {

    private final RoleBindingService service;
    private final CurrentOrganization org;

    public RoleBindingResource(RoleBindingService service, CurrentOrganization org) {
        this.service = service;
        this.org = org;
    }

    @Operation(operationId = "createRoleBinding", summary = "Bind a role over a scope to a user or a group")
    @APIResponse(responseCode = "201", description = "The binding, with its Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoleBindingView.class)))
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @POST
    public RestResponse<RoleBindingView> create(@Valid @NotNull RoleBindingRequest request, UriInfo uri) {
        RoleBinding binding = service.create(org.id(), org.actor(), request.toSpec());
        return RestResponse.ResponseBuilder.<RoleBindingView>created(uri.getAbsolutePathBuilder().path(binding.id.toString())
                .build()).entity(RoleBindingView.of(binding)).header(HttpHeaders.ETAG, Versions.etag(binding.version)).build();
    }

    @Operation(operationId = "listRoleBindings", summary = "List role bindings")
    @GET
    public Page<RoleBindingView> list(@BeanParam ListQuery query,
            @QueryParam("name") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = Limits.NAME)) String name,
            @QueryParam("sort") @Parameter(description = "Order: a field, `-` first for descending; ties by id.",
                    schema = @Schema(type = SchemaType.STRING, defaultValue = "id", enumeration = {
                            "id", "-id", "name", "-name", "createdAt", "-createdAt"})) String sort) {
        query.refuseLabelSelector("role bindings");
        Keyset<RoleBinding> page = Cursors.keyset(query, InventorySorting.ROLE_BINDINGS, sort);
        return Page.fromOverfetch(service.page(org.id(), QueryValues.text("name", name), page), query.limit(), page::keyOf,
                RoleBindingView::of);
    }

    @Operation(operationId = "getRoleBinding", summary = "Get a role binding")
    @GET
    @Path("{id}")
    public RestResponse<RoleBindingView> get(@PathParam("id") UUID id) {
        return withETag(service.get(org.id(), id));
    }

    @Operation(operationId = "replaceRoleBinding", summary = "Replace a role binding's labels and spec")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @APIResponse(responseCode = "412", description = Refusals.PRECONDITION_FAILED)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @PUT
    @Path("{id}")
    public RestResponse<RoleBindingView> replace(@PathParam("id") UUID id, @Valid @NotNull RoleBindingRequest request,
                                                 @HeaderParam(HttpHeaders.IF_MATCH) @Schema(maxLength = Limits.SHORT_TEXT)
                                                 String ifMatch) {
        return withETag(service.replace(org.id(), id, request.toSpec(), Versions.named(ifMatch)));
    }

    @Operation(operationId = "deleteRoleBinding", summary = "Delete a role binding")
    @APIResponse(responseCode = "204", description = "Deleted")
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(org.id(), id);
        return Response.noContent().build();
    }

    private static RestResponse<RoleBindingView> withETag(RoleBinding binding) {
        return RestResponse.ResponseBuilder.ok(RoleBindingView.of(binding)).header(HttpHeaders.ETAG, Versions.etag(binding.version))
                .build();
    }
}
