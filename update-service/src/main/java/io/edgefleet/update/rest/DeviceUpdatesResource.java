package io.edgefleet.update.rest;

import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import io.edgefleet.update.release.AvailableUpdates;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/devices/{id}/available-updates}: a device's next steps through the catalog. */
@Tag(name = "Releases")
@Path("/api/v1/devices/{id}/available-updates")
public class DeviceUpdatesResource {

    private final AvailableUpdates updates;
    private final CurrentOrganization org;

    public DeviceUpdatesResource(AvailableUpdates updates, CurrentOrganization org) {
        this.updates = updates;
        this.org = org;
    }

    @Operation(operationId = "getAvailableUpdates", summary = "What a device may move to next, the path to farther releases, and why not otherwise")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "No such device (DEVICE_NOT_FOUND)")
    @GET
    @RolesAllowed(FleetRoles.VIEWER)
    public AvailableUpdates.Answer get(@PathParam("id") UUID id) {
        return updates.of(org.id(), id);
    }
}
