package io.edgefleet.messaging.admin;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.messaging.consumer.DeadLetterReplay;
import io.edgefleet.messaging.consumer.DeadLetterStore;
import io.edgefleet.rest.openapi.Refusals;
import io.edgefleet.rest.paging.Cursors;
import io.edgefleet.rest.paging.ListQuery;
import io.edgefleet.rest.paging.Page;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/admin/dead-letters}: records this service's consumers could not apply, for an
 * admin to inspect and replay through the same consumer once the cause is fixed. Lists the
 * caller's organization's dead letters and those of records that named no organization.
 */
@Tag(name = "Dead letters", description = "Events this service could not decode or apply.")
@Path("/api/v1/admin/dead-letters")
@RolesAllowed(FleetRoles.ADMIN)
public class DeadLetterResource {

    private final DeadLetterStore store;
    private final AdminReplays replays;
    private final CurrentOrganization org;

    public DeadLetterResource(DeadLetterStore store, AdminReplays replays, CurrentOrganization org) {
        this.store = store;
        this.replays = replays;
        this.org = org;
    }

    @Operation(operationId = "listDeadLetters", summary = "List records this service's consumers could not apply")
    @GET
    public Page<DeadLetterView> list(@BeanParam ListQuery query,
                                     @QueryParam("consumer") @Size(max = Limits.EVENT_ATTRIBUTE) String consumer) {
        query.refuseLabelSelector("dead letters");
        int limit = query.limit();
        return Page.fromOverfetch(store.page(org.id(), consumer, Cursors.uuidAfter(query).orElse(null), limit + 1), limit,
                d -> d.id().toString(), DeadLetterView::summary);
    }

    @Operation(operationId = "getDeadLetter", summary = "Get a dead letter with its record")
    @GET
    @Path("{id}")
    public DeadLetterView get(@PathParam("id") UUID id) {
        return store.find(org.id(), id).map(DeadLetterView::whole)
                .orElseThrow(() -> new FleetException(CommonErrorCode.NOT_FOUND, "no dead letter " + id));
    }

    /** Runs the record through its consumer again; 409 {@code REPLAY_FAILED} (recorded too) if it fails again. */
    @Operation(operationId = "replayDeadLetter", summary = "Replay a dead letter through its consumer")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @POST
    @Path("{id}/replay")
    public DeadLetterReplay.Outcome replay(@PathParam("id") UUID id) {
        return replays.deadLetter(org.id(), id, org.actor());
    }
}
