package io.edgefleet.update.rest;

import io.edgefleet.core.text.Choices;
import io.edgefleet.rest.paging.Cursor;
import io.edgefleet.rest.paging.ListQuery;
import io.edgefleet.rest.paging.Page;
import io.edgefleet.rest.paging.QueryValues;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import io.edgefleet.update.rollout.RolloutProgress;
import io.edgefleet.update.rollout.RolloutService;
import io.edgefleet.update.rollout.Unit;
import io.edgefleet.update.rollout.UnitStore;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** A rollout's progress (once, or as a server-sent-events stream) and its units. */
@Tag(name = "Rollouts")
@Path("/api/v1/rollouts/{id}")
public class RolloutProgressResource {

    private static final Choices STATES = Choices.of("pending", "waiting-for-window", "dispatched", "in-progress", "succeeded",
            "failed", "skipped");
    /** A stream ends after this long; the client reconnects. Bounds what one request holds. */
    private static final Duration LONGEST_STREAM = Duration.ofHours(1);

    private final RolloutProgress progress;
    private final RolloutService rollouts;
    private final UnitStore units;
    private final CurrentOrganization org;

    public RolloutProgressResource(RolloutProgress progress, RolloutService rollouts, UnitStore units, CurrentOrganization org) {
        this.progress = progress;
        this.rollouts = rollouts;
        this.units = units;
        this.org = org;
    }

    /**
     * One unit: a machine, or a cluster whose machines take the change one after another.
     *
     * @param step the step it is at, of {@code steps} (hops × machines for a release)
     * @param version for a release, the version its current step installs
     */
    public record UnitView(String unit, List<UUID> deviceIds, int wave, String state, String reason, int step, int steps,
                           int attempts, String version) {

        static UnitView of(Unit u) {
            String version = u.steps().isEmpty() ? null : u.steps().get(Math.min(u.step(), u.steps().size() - 1)).version();
            return new UnitView(u.unit(), u.machines(), u.wave(), u.state(), u.reason(), u.step(), u.steps().size(), u.attempts(),
                    version);
        }
    }

    @Operation(operationId = "getRolloutProgress", summary = "Units per state, overall and per wave; the current wave; an estimate of the end")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "No such rollout (ROLLOUT_NOT_FOUND)")
    @GET
    @Path("progress")
    @RolesAllowed(FleetRoles.VIEWER)
    public RolloutProgress.Progress progress(@PathParam("id") UUID id) {
        return progress.of(org.id(), id);
    }

    @Operation(operationId = "streamRolloutProgress", summary = "The same progress as server-sent events, once a second, until the rollout ends")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "No such rollout (ROLLOUT_NOT_FOUND)")
    @GET
    @Path("progress/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed(FleetRoles.VIEWER)
    @Blocking
    public Multi<RolloutProgress.Progress> stream(@PathParam("id") UUID id) {
        String orgId = org.id();
        RolloutProgress.Progress first = progress.of(orgId, id);
        AtomicBoolean ended = new AtomicBoolean();
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(first), Multi.createFrom().ticks()
                        .every(Duration.ofSeconds(1)).onOverflow().drop().emitOn(Infrastructure.getDefaultWorkerPool())
                        .map(tick -> progress.of(orgId, id)))
                .select().first(p -> !ended.getAndSet(io.edgefleet.update.rollout.Phase.of(p.phase()).isFinal()))
                .skip().repetitions()
                .select().first(LONGEST_STREAM);
    }

    @Operation(operationId = "listRolloutUnits", summary = "The rollout's units (machines or clusters) with their state and reason")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "No such rollout (ROLLOUT_NOT_FOUND)")
    @GET
    @Path("units")
    @RolesAllowed(FleetRoles.VIEWER)
    @Transactional
    public Page<UnitView> units(@PathParam("id") UUID id, @BeanParam ListQuery query,
                                @QueryParam("state") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"pending",
                                        "waiting-for-window", "dispatched", "in-progress", "succeeded", "failed", "skipped"})) String state) {
        query.refuseLabelSelector("rollout units");
        rollouts.get(org.id(), id);
        String after = query.cursor().map(Cursor::afterKey).orElse(null);
        List<Unit> page = units.page(org.id(), id, QueryValues.oneOf("state", state, STATES).orElse(null), after, query.limit() + 1);
        return Page.fromOverfetch(page, query.limit(), Unit::unit, UnitView::of);
    }
}
