package io.edgefleet.inventory.rest;

import io.edgefleet.inventory.domain.Device;
import io.edgefleet.inventory.repository.DeviceRepository;
import io.edgefleet.inventory.service.DeviceService;
import io.edgefleet.rest.paging.Cursors;
import io.edgefleet.rest.paging.ListQuery;
import io.edgefleet.rest.paging.Page;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/devices}: register, list and read devices of the caller's organization. */
@Path("/api/v1/devices")
public class DeviceResource {

    private final DeviceService service;
    private final DeviceRepository repository;
    private final CurrentOrganization org;

    public DeviceResource(DeviceService service, DeviceRepository repository, CurrentOrganization org) {
        this.service = service;
        this.repository = repository;
        this.org = org;
    }

    @POST
    @RolesAllowed({FleetRoles.ADMIN, FleetRoles.OPERATOR})
    public RestResponse<DeviceView> register(@Valid @NotNull RegisterDeviceRequest request, UriInfo uri) {
        Device device = service.register(org.id(), request.name(), request.labels());
        return RestResponse.ResponseBuilder.<DeviceView>created(uri.getAbsolutePathBuilder().path(device.id.toString()).build())
                .entity(DeviceView.of(device)).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @RolesAllowed({FleetRoles.ADMIN, FleetRoles.OPERATOR, FleetRoles.VIEWER})
    public Page<DeviceView> list(@BeanParam ListQuery query) {
        int limit = query.limit();
        return Page.fromOverfetch(repository.page(org.id(), query.labelSelector(), Cursors.uuidAfter(query), limit + 1),
                limit, d -> d.id.toString(), DeviceView::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({FleetRoles.ADMIN, FleetRoles.OPERATOR, FleetRoles.VIEWER})
    public DeviceView get(@PathParam("id") UUID id) {
        return DeviceView.of(service.get(org.id(), id));
    }
}
