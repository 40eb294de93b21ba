package io.edgefleet.messaging.admin;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.messaging.outbox.ParkedEventStore;
import io.edgefleet.rest.openapi.Refusals;
import io.edgefleet.rest.paging.Cursors;
import io.edgefleet.rest.paging.ListQuery;
import io.edgefleet.rest.paging.Page;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/admin/parked-events}: events of the caller's organization that Kafka refused for
 * good, with the error; replay puts one back into the outbox (once the cause, such as a topic's
 * size limit, is fixed). Consumers deduplicate by event id, so a replay is safe.
 */
@Tag(name = "Parked events", description = "Outgoing events Kafka refused for good.")
@Path("/api/v1/admin/parked-events")
@RolesAllowed(FleetRoles.ADMIN)
public class ParkedEventResource {

    private final ParkedEventStore store;
    private final AdminReplays replays;
    private final CurrentOrganization org;

    public ParkedEventResource(ParkedEventStore store, AdminReplays replays, CurrentOrganization org) {
        this.store = store;
        this.replays = replays;
        this.org = org;
    }

    @Operation(operationId = "listParkedEvents", summary = "List events the outbox could not publish")
    @GET
    public Page<ParkedEventStore.ParkedEvent> list(@BeanParam ListQuery query) {
        query.refuseLabelSelector("parked events");
        int limit = query.limit();
        return Page.fromOverfetch(store.page(org.id(), Cursors.uuidAfter(query).orElse(null), limit + 1), limit,
                e -> e.id().toString(), e -> e);
    }

    @Operation(operationId = "getParkedEvent", summary = "Get a parked event")
    @GET
    @Path("{id}")
    public ParkedEventStore.ParkedEvent get(@PathParam("id") UUID id) {
        return store.find(org.id(), id)
                .orElseThrow(() -> new FleetException(CommonErrorCode.NOT_FOUND, "no parked event " + id));
    }

    @Operation(operationId = "replayParkedEvent", summary = "Put a parked event back into the outbox")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @POST
    @Path("{id}/replay")
    public ParkedEventStore.ParkedEvent replay(@PathParam("id") UUID id) {
        return replays.parkedEvent(org.id(), id, org.actor());
    }
}
