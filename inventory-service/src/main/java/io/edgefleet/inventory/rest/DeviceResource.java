package io.edgefleet.inventory.rest;

import io.edgefleet.access.AccessLevel;
import io.edgefleet.access.CallerScope;
import io.edgefleet.access.DeviceScoped;
import io.edgefleet.core.concurrency.Versions;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.inventory.domain.Device;
import io.edgefleet.inventory.repository.DeviceFilter;
import io.edgefleet.inventory.service.DeviceService;
import io.edgefleet.inventory.service.DeviceStates;
import io.edgefleet.inventory.service.GroupService;
import io.edgefleet.inventory.service.InventoryErrorCode;
import io.edgefleet.inventory.service.InventoryQueries;
import io.edgefleet.rest.openapi.Refusals;
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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/devices}: the fleet's devices in the caller's organization. */
@Tag(name = "Devices", description = "Devices of the fleet: register, find, change, decommission.")
@Path("/api/v1/devices")
public class DeviceResource {

    private final DeviceService service;
    private final InventoryQueries queries;
    private final DeviceStates states;
    private final GroupService groups;
    private final CurrentOrganization org;
    private final CallerScope caller;

    public DeviceResource(DeviceService service, InventoryQueries queries, DeviceStates states, GroupService groups,
                          CurrentOrganization org, CallerScope caller) {
        this.caller = caller;
        this.service = service;
        this.queries = queries;
        this.states = states;
        this.groups = groups;
        this.org = org;
    }

    @Operation(operationId = "registerDevice", summary = "Register a device")
    @APIResponse(responseCode = "201", description = "The device, with its ETag and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeviceView.class)))
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @POST
    @RolesAllowed(FleetRoles.OPERATOR)
    public RestResponse<DeviceView> register(@Valid @NotNull RegisterDeviceRequest request, UriInfo uri) {
        Device device = service.register(org.id(), request.toSpec(), org.actor());
        return RestResponse.ResponseBuilder.<DeviceView>created(uri.getAbsolutePathBuilder().path(device.id.toString()).build())
                .header(HttpHeaders.ETAG, Versions.etag(device.version)).entity(view(device)).build();
    }

    @Operation(operationId = "listDevices", summary = "List devices")
    @GET
    @RolesAllowed(FleetRoles.VIEWER)
    @DeviceScoped
    public Page<DeviceView> list(@BeanParam DeviceQuery query) {
        int limit = query.limit();
        DeviceFilter filter = query.filter(org.id());
        DeviceFilter scoped = query.group().map(g -> groups.restrictTo(filter, g)).orElse(filter);
        Keyset<Device> page = query.page();
        return Page.fromOverfetch(queries.devices(scoped, caller.visible(), page), limit, page::keyOf, this::view);
    }

    @Operation(operationId = "getDevice", summary = "Get a device, with its ETag")
    @GET
    @Path("{id}")
    @RolesAllowed(FleetRoles.VIEWER)
    @DeviceScoped
    public RestResponse<DeviceView> get(@PathParam("id") UUID id) {
        caller.require(id, AccessLevel.VIEWER, InventoryErrorCode.DEVICE_NOT_FOUND);
        Device device = service.get(org.id(), id);
        return RestResponse.ResponseBuilder.ok(view(device)).header(HttpHeaders.ETAG, Versions.etag(device.version)).build();
    }

    /** Merge patch; optimistic concurrency with If-Match (412) or resourceVersion (409). */
    @Operation(operationId = "updateDevice", summary = "Change a device")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @APIResponse(responseCode = "412", description = Refusals.PRECONDITION_FAILED)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @PATCH
    @Path("{id}")
    @RolesAllowed(FleetRoles.OPERATOR)
    @DeviceScoped
    public RestResponse<DeviceView> patch(@PathParam("id") UUID id, @Valid @NotNull PatchDeviceRequest request,
                          @HeaderParam(HttpHeaders.IF_MATCH) @Schema(maxLength = Limits.SHORT_TEXT) String ifMatch) {
        caller.require(id, AccessLevel.OPERATOR, InventoryErrorCode.DEVICE_NOT_FOUND);
        Device device = service.patch(org.id(), id, request.toSpec(), request.labels(), Versions.named(ifMatch),
                Versions.named(request.resourceVersion()), org.actor());
        return RestResponse.ResponseBuilder.ok(view(device)).header(HttpHeaders.ETAG, Versions.etag(device.version)).build();
    }

    @Operation(operationId = "decommissionDevice", summary = "Decommission a device: it leaves the fleet")
    @POST
    @Path("{id}/decommission")
    @RolesAllowed(FleetRoles.OPERATOR)
    @DeviceScoped
    public DeviceView decommission(@PathParam("id") UUID id) {
        caller.require(id, AccessLevel.OPERATOR, InventoryErrorCode.DEVICE_NOT_FOUND);
        return view(service.decommission(org.id(), id, org.actor()));
    }

    /** Deletes a decommissioned device (409 otherwise). */
    @Operation(operationId = "deleteDevice", summary = "Delete a decommissioned device")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @DELETE
    @Path("{id}")
    @RolesAllowed(FleetRoles.ADMIN)
    public Response delete(@PathParam("id") UUID id) {
        service.delete(org.id(), id);
        return Response.noContent().build();
    }

    private DeviceView view(Device device) {
        return DeviceView.of(device, states.of(device));
    }
}
