package io.edgefleet.update.rest;

import io.edgefleet.core.concurrency.Versions;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.core.text.Choices;
import io.edgefleet.rest.openapi.Refusals;
import io.edgefleet.rest.paging.Cursors;
import io.edgefleet.rest.paging.ListQuery;
import io.edgefleet.rest.paging.Page;
import io.edgefleet.rest.paging.QueryValues;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import io.edgefleet.update.rollout.Rollout;
import io.edgefleet.update.rollout.RolloutActions;
import io.edgefleet.update.rollout.RolloutService;
import io.edgefleet.update.rollout.RolloutSpec;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/rollouts}: rollouts of releases and commands, and what operators do to them. */
@Tag(name = "Rollouts", description = "A release or any command, rolled out to a group or a label selector in waves.")
@Path("/api/v1/rollouts")
public class RolloutResource {

    private static final Choices PHASES = Choices.of("draft", "scheduled", "running", "paused", "completed", "cancelled", "failed",
            "rolling-back", "rolled-back");

    private final RolloutService rollouts;
    private final RolloutActions actions;
    private final CurrentOrganization org;

    public RolloutResource(RolloutService rollouts, RolloutActions actions, CurrentOrganization org) {
        this.rollouts = rollouts;
        this.actions = actions;
        this.org = org;
    }

    @Operation(operationId = "createRollout", summary = "Create a rollout (a draft until started)")
    @APIResponse(responseCode = "201", description = "The rollout, with its ETag and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RolloutView.class)))
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @POST
    @RolesAllowed(FleetRoles.OPERATOR)
    public RestResponse<RolloutView> create(@Valid @NotNull RolloutSpec spec, @Context UriInfo uri) {
        Rollout rollout = rollouts.create(org.id(), spec);
        return RestResponse.ResponseBuilder.<RolloutView>created(uri.getAbsolutePathBuilder().path(rollout.id.toString()).build())
                .entity(RolloutView.of(rollout)).header(HttpHeaders.ETAG, Versions.etag(rollout.version)).build();
    }

    @Operation(operationId = "listRollouts", summary = "List rollouts, optionally in one phase")
    @GET
    @RolesAllowed(FleetRoles.VIEWER)
    public Page<RolloutView> list(@BeanParam ListQuery query,
                                  @QueryParam("phase") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"draft",
                                          "scheduled", "running", "paused", "completed", "cancelled", "failed", "rolling-back",
                                          "rolled-back"})) String phase,
                                  @QueryParam("sort") @Parameter(description = "Order: a field, `-` first for descending; ties by id.",
                                          schema = @Schema(type = SchemaType.STRING, defaultValue = "id", enumeration = {"id", "-id",
                                                  "name", "-name", "createdAt", "-createdAt"})) String sort) {
        query.refuseLabelSelector("rollouts");
        Keyset<Rollout> page = Cursors.keyset(query, RolloutService.SORTING, sort);
        return Page.fromOverfetch(rollouts.page(org.id(), QueryValues.oneOf("phase", phase, PHASES).orElse(null), page),
                query.limit(), page::keyOf, RolloutView::of);
    }

    @Operation(operationId = "getRollout", summary = "Get a rollout, with its ETag")
    @GET
    @Path("{id}")
    @RolesAllowed(FleetRoles.VIEWER)
    public RestResponse<RolloutView> get(@PathParam("id") UUID id) {
        return withETag(rollouts.get(org.id(), id));
    }

    @Operation(operationId = "replaceRollout", summary = "Replace a draft rollout's spec")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = "Not a draft (ROLLOUT_PHASE_CONFLICT), or the name is taken")
    @APIResponse(responseCode = "412", description = Refusals.PRECONDITION_FAILED)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @PUT
    @Path("{id}")
    @RolesAllowed(FleetRoles.OPERATOR)
    public RestResponse<RolloutView> replace(@PathParam("id") UUID id, @Valid @NotNull RolloutSpec spec,
                                             @HeaderParam(HttpHeaders.IF_MATCH) @Schema(maxLength = Limits.SHORT_TEXT) String ifMatch) {
        return withETag(rollouts.replace(org.id(), id, spec, Versions.named(ifMatch)));
    }

    @Operation(operationId = "deleteRollout", summary = "Delete a draft or ended rollout")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "It has started and not ended (ROLLOUT_PHASE_CONFLICT)")
    @DELETE
    @Path("{id}")
    @RolesAllowed(FleetRoles.OPERATOR)
    public Response delete(@PathParam("id") UUID id) {
        rollouts.delete(org.id(), id);
        return Response.noContent().build();
    }

    @Operation(operationId = "startRollout", summary = "Start a draft: plan its units and waves, and run it (or schedule it for startAt)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = "Not a draft (ROLLOUT_PHASE_CONFLICT)")
    @POST
    @Path("{id}/start")
    @RolesAllowed(FleetRoles.OPERATOR)
    public RestResponse<RolloutView> start(@PathParam("id") UUID id) {
        return withETag(actions.start(org.id(), id));
    }

    @Operation(operationId = "pauseRollout", summary = "Pause a rollout: nothing more is sent until it is resumed")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = "Not running or scheduled (ROLLOUT_PHASE_CONFLICT)")
    @POST
    @Path("{id}/pause")
    @RolesAllowed(FleetRoles.OPERATOR)
    public RestResponse<RolloutView> pause(@PathParam("id") UUID id) {
        return withETag(actions.pause(org.id(), id));
    }

    @Operation(operationId = "resumeRollout", summary = "Resume a paused rollout; the failures that paused it are accepted")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = "Not paused (ROLLOUT_PHASE_CONFLICT)")
    @POST
    @Path("{id}/resume")
    @RolesAllowed(FleetRoles.OPERATOR)
    public RestResponse<RolloutView> resume(@PathParam("id") UUID id) {
        return withETag(actions.resume(org.id(), id));
    }

    @Operation(operationId = "cancelRollout", summary = "Cancel a rollout: nothing more is sent; what was sent finishes")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = "Already ended (ROLLOUT_PHASE_CONFLICT)")
    @POST
    @Path("{id}/cancel")
    @RolesAllowed(FleetRoles.OPERATOR)
    public RestResponse<RolloutView> cancel(@PathParam("id") UUID id) {
        return withETag(actions.cancel(org.id(), id));
    }

    @Operation(operationId = "approveRollout", summary = "Let the current wave, which waits for approval, start")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = "The current wave waits for no approval (ROLLOUT_PHASE_CONFLICT)")
    @POST
    @Path("{id}/approve")
    @RolesAllowed(FleetRoles.OPERATOR)
    public RestResponse<RolloutView> approve(@PathParam("id") UUID id) {
        return withETag(actions.approve(org.id(), id));
    }

    @Operation(operationId = "rollbackRollout", summary = "Undo the rollout on every unit it reached")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = "Kubernetes and k3s cannot be downgraded, agents are rolled forward, a command "
            + "rollout without a rollback command cannot be undone (ROLLBACK_NOT_POSSIBLE); or its phase (ROLLOUT_PHASE_CONFLICT)")
    @POST
    @Path("{id}/rollback")
    @RolesAllowed(FleetRoles.OPERATOR)
    public RestResponse<RolloutView> rollback(@PathParam("id") UUID id) {
        return withETag(actions.rollback(org.id(), id));
    }

    private static RestResponse<RolloutView> withETag(Rollout rollout) {
        return RestResponse.ResponseBuilder.ok(RolloutView.of(rollout)).header(HttpHeaders.ETAG, Versions.etag(rollout.version))
                .build();
    }
}
