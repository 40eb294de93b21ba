package io.edgefleet.inventory.rest;

import io.edgefleet.inventory.service.FleetSummaries;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/fleet/summary}: counts of the organization's devices by connectivity, lifecycle, distribution, version. */
@Tag(name = "Fleet", description = "The fleet at a glance.")
@Path("/api/v1/fleet")
public class FleetResource {

    private final FleetSummaries summaries;
    private final CurrentOrganization org;

    public FleetResource(FleetSummaries summaries, CurrentOrganization org) {
        this.summaries = summaries;
        this.org = org;
    }

    @Operation(operationId = "getFleetSummary",
            summary = "Count the organization's devices by connectivity, lifecycle, distribution and version")
    @GET
    @Path("summary")
    @RolesAllowed(FleetRoles.VIEWER)
    public FleetSummaries.Summary summary() {
        return summaries.of(org.id());
    }
}
