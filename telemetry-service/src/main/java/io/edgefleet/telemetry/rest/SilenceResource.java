package io.edgefleet.telemetry.rest;

import io.edgefleet.core.paging.Keyset;
import io.edgefleet.rest.openapi.Refusals;
import io.edgefleet.rest.paging.Cursors;
import io.edgefleet.rest.paging.ListQuery;
import io.edgefleet.rest.paging.Page;
import io.edgefleet.rest.paging.QueryValues;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import io.edgefleet.telemetry.alert.Silence;
import io.edgefleet.telemetry.alert.SilenceService;
import io.edgefleet.telemetry.alert.TelemetrySorting;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/silences}: mute notifications of matching alerts for a while (maintenance, known issues). */
@Tag(name = "Silences", description = "Silences that mute alerts for a while.")
@Path("/api/v1/silences")
public class SilenceResource {

    private final SilenceService silences;
    private final CurrentOrganization org;

    public SilenceResource(SilenceService silences, CurrentOrganization org) {
        this.silences = silences;
        this.org = org;
    }

    /** A silence as the API shows it. */
    public record SilenceView(UUID id, UUID ruleId, UUID deviceId, String labelSelector, OffsetDateTime startsAt,
                              OffsetDateTime endsAt, String comment, String createdBy) {

        static SilenceView of(Silence s) {
            return new SilenceView(s.id, s.ruleId, s.deviceId, s.labelSelector, s.startsAt, s.endsAt, s.comment, s.createdBy);
        }
    }

    @Operation(operationId = "createSilence", summary = "Create a silence")
    @APIResponse(responseCode = "201", description = "The silence, with its Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SilenceView.class)))
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @POST
    @RolesAllowed(FleetRoles.OPERATOR)
    public RestResponse<SilenceView> create(@Valid @NotNull SilenceService.SilenceSpec spec, @Context UriInfo uri) {
        Silence silence = silences.create(org.id(), org.actor(), spec);
        return RestResponse.ResponseBuilder.<SilenceView>created(uri.getAbsolutePathBuilder().path(silence.id.toString()).build())
                .entity(SilenceView.of(silence)).build();
    }

    @Operation(operationId = "listSilences", summary = "List silences")
    @GET
    @RolesAllowed(FleetRoles.VIEWER)
    public Page<SilenceView> list(@BeanParam ListQuery query, @QueryParam("active") String activeParam,
            @QueryParam("sort") @Parameter(description = "Order: a field, `-` first for descending; ties by id.",
                    schema = @Schema(type = SchemaType.STRING, defaultValue = "id", enumeration = {"id", "-id", "startsAt", "-startsAt", "createdAt", "-createdAt"})) String sort) {
        boolean active = QueryValues.bool("active", activeParam, false);
        query.refuseLabelSelector("silences");
        Keyset<Silence> page = Cursors.keyset(query, TelemetrySorting.SILENCES, sort);
        return Page.fromOverfetch(silences.page(org.id(), active, page), query.limit(), page::keyOf, SilenceView::of);
    }

    @Operation(operationId = "getSilence", summary = "Get a silence")
    @GET
    @Path("{id}")
    @RolesAllowed(FleetRoles.VIEWER)
    public SilenceView get(@PathParam("id") UUID id) {
        return SilenceView.of(silences.get(org.id(), id));
    }

    /** Ends the silence now; it stays readable, ended, like every delete answers 204. */
    @Operation(operationId = "expireSilence", summary = "End a silence now")
    @APIResponse(responseCode = "204", description = "Ended, and still readable")
    @DELETE
    @Path("{id}")
    @RolesAllowed(FleetRoles.OPERATOR)
    public Response expire(@PathParam("id") UUID id) {
        silences.expire(org.id(), id);
        return Response.noContent().build();
    }
}
