package io.edgefleet.inventory.rest;

import io.edgefleet.core.limits.Limits;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.inventory.domain.Device;
import io.edgefleet.inventory.domain.DeviceGroup;
import io.edgefleet.inventory.repository.DeviceFilter;
import io.edgefleet.inventory.repository.InventorySorting;
import io.edgefleet.inventory.service.DeviceStates;
import io.edgefleet.inventory.service.GroupService;
import io.edgefleet.inventory.service.InventoryQueries;
import io.edgefleet.projection.read.DeviceScopes;
import io.edgefleet.rest.openapi.Refusals;
import io.edgefleet.rest.paging.Cursors;
import io.edgefleet.rest.paging.ListQuery;
import io.edgefleet.rest.paging.Page;
import io.edgefleet.rest.paging.SelectorListQuery;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/groups}: static groups (members) and dynamic groups (label selector). */
@Tag(name = "Groups", description = "Static and label-selected device groups.")
@Path("/api/v1/groups")
public class GroupResource {

    private final GroupService service;
    private final InventoryQueries queries;
    private final DeviceStates states;
    private final CurrentOrganization org;

    public GroupResource(GroupService service, InventoryQueries queries, DeviceStates states, CurrentOrganization org) {
        this.service = service;
        this.queries = queries;
        this.states = states;
        this.org = org;
    }

    @Operation(operationId = "createGroup", summary = "Create a device group")
    @APIResponse(responseCode = "201", description = "The group, with its Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GroupView.class)))
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @POST
    @RolesAllowed(FleetRoles.OPERATOR)
    public RestResponse<GroupView> create(@Valid @NotNull GroupRequest request, UriInfo uri) {
        DeviceGroup group = service.create(org.id(), request.name(), DeviceGroup.Kind.valueOf(request.kind().toUpperCase()),
                request.labelSelector(), request.members());
        return RestResponse.ResponseBuilder.<GroupView>created(uri.getAbsolutePathBuilder().path(group.id.toString()).build())
                .entity(GroupView.of(group)).build();
    }

    @Operation(operationId = "listGroups", summary = "List device groups")
    @GET
    @RolesAllowed(FleetRoles.VIEWER)
    public Page<GroupView> list(@BeanParam ListQuery query,
            @QueryParam("sort") @Parameter(description = "Order: a field, `-` first for descending; ties by id.",
                    schema = @Schema(type = SchemaType.STRING, defaultValue = "id", enumeration = {
                            "id", "-id", "name", "-name", "createdAt", "-createdAt"})) String sort) {
        query.refuseLabelSelector("groups");
        Keyset<DeviceGroup> page = Cursors.keyset(query, InventorySorting.GROUPS, sort);
        return Page.fromOverfetch(queries.groups(org.id(), page), query.limit(), page::keyOf, GroupView::of);
    }

    @Operation(operationId = "getGroup", summary = "Get a device group")
    @GET
    @Path("{id}")
    @RolesAllowed(FleetRoles.VIEWER)
    public GroupView get(@PathParam("id") UUID id) {
        return GroupView.of(service.get(org.id(), id));
    }

    @Operation(operationId = "deleteGroup", summary = "Delete a device group")
    @APIResponse(responseCode = "204", description = "Deleted")
    @DELETE
    @Path("{id}")
    @RolesAllowed(FleetRoles.OPERATOR)
    public Response delete(@PathParam("id") UUID id) {
        service.delete(org.id(), id);
        return Response.noContent().build();
    }

    @Operation(operationId = "addGroupMember", summary = "Add a device to a static group")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @PUT
    @Path("{id}/members/{deviceId}")
    @RolesAllowed(FleetRoles.OPERATOR)
    public GroupView addMember(@PathParam("id") UUID id, @PathParam("deviceId") UUID deviceId) {
        return GroupView.of(service.addMember(org.id(), id, deviceId));
    }

    @Operation(operationId = "removeGroupMember", summary = "Remove a device from a static group")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @DELETE
    @Path("{id}/members/{deviceId}")
    @RolesAllowed(FleetRoles.OPERATOR)
    public GroupView removeMember(@PathParam("id") UUID id, @PathParam("deviceId") UUID deviceId) {
        return GroupView.of(service.removeMember(org.id(), id, deviceId));
    }

    /** The group's devices now: its members, or what its selector matches (narrowed by {@code labelSelector}). */
    @Operation(operationId = "listGroupDevices", summary = "List a group's devices now")
    @GET
    @Path("{id}/devices")
    @RolesAllowed(FleetRoles.VIEWER)
    public Page<DeviceView> devices(@PathParam("id") UUID id, @BeanParam SelectorListQuery query,
            @QueryParam("sort") @Parameter(description = "Order, as for the device list.", schema = @Schema(
                    type = SchemaType.STRING, defaultValue = "id", enumeration = {"id", "-id", "name", "-name", "createdAt",
                    "-createdAt", "lastSeenAt", "-lastSeenAt"})) String sort) {
        DeviceFilter filter = service.restrictTo(DeviceFilter.matching(org.id(), query.labelSelector()), id.toString());
        Keyset<Device> page = Cursors.keyset(query, InventorySorting.DEVICES, sort);
        return Page.fromOverfetch(queries.devices(filter, DeviceScopes.ALL, page), query.limit(), page::keyOf,
                d -> DeviceView.of(d, states.of(d)));
    }

    /** A new group: {@code kind} static (with optional members) or dynamic (with a {@code labelSelector}). */
    public record GroupRequest(@NotBlank @Size(max = Limits.NAME)
                               @Pattern(regexp = DeviceNames.DNS_1123, message = DeviceNames.MESSAGE) String name,
                               @NotNull @Size(max = Limits.SHORT_TEXT)
                               @Pattern(regexp = "(?i)static|dynamic", message = "must be static or dynamic") String kind,
                               @Size(max = Limits.TEXT) String labelSelector, @Size(max = Limits.GROUP_MEMBERS) List<UUID> members) {
    }

    /** A group as the API shows it. */
    public record GroupView(String id, String name, String kind, String labelSelector, OffsetDateTime createdAt) {

        static GroupView of(DeviceGroup g) {
            return new GroupView(g.id.toString(), g.name, g.kind.name().toLowerCase(), g.selector, g.createdAt);
        }
    }
}
