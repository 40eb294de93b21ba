package io.edgefleet.telemetry.rest;

import io.edgefleet.core.concurrency.Versions;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.rest.openapi.Refusals;
import io.edgefleet.rest.paging.Cursors;
import io.edgefleet.rest.paging.ListQuery;
import io.edgefleet.rest.paging.Page;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import io.edgefleet.telemetry.alert.AlertRule;
import io.edgefleet.telemetry.alert.AlertRuleService;
import io.edgefleet.telemetry.alert.AlertRuleSpec;
import io.edgefleet.telemetry.alert.TelemetrySorting;
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

/** {@code /api/v1/alert-rules}: what raises alerts. Operators write, viewers read. */
@Tag(name = "Alert rules", description = "Rules that raise alerts.")
@Path("/api/v1/alert-rules")
public class AlertRuleResource {

    private final AlertRuleService rules;
    private final CurrentOrganization org;

    public AlertRuleResource(AlertRuleService rules, CurrentOrganization org) {
        this.rules = rules;
        this.org = org;
    }

    /** A rule as the API shows it: its id and version, and its spec. */
    public record AlertRuleView(UUID id, String resourceVersion, AlertRuleSpec spec, OffsetDateTime createdAt,
                                OffsetDateTime updatedAt) {

        static AlertRuleView of(AlertRule rule) {
            return new AlertRuleView(rule.id, Versions.text(rule.version), AlertRuleSpec.of(rule), rule.createdAt,
                    rule.updatedAt);
        }
    }

    @Operation(operationId = "createAlertRule", summary = "Create an alert rule")
    @APIResponse(responseCode = "201", description = "The rule, with its ETag and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlertRuleView.class)))
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @POST
    @RolesAllowed(FleetRoles.OPERATOR)
    public RestResponse<AlertRuleView> create(@Valid @NotNull AlertRuleSpec spec, @Context UriInfo uri) {
        AlertRule rule = rules.create(org.id(), spec);
        return RestResponse.ResponseBuilder.<AlertRuleView>created(uri.getAbsolutePathBuilder().path(rule.id.toString()).build())
                .entity(AlertRuleView.of(rule)).build();
    }

    @Operation(operationId = "listAlertRules", summary = "List alert rules")
    @GET
    @RolesAllowed(FleetRoles.VIEWER)
    public Page<AlertRuleView> list(@BeanParam ListQuery query, @QueryParam("sort") @Parameter(description = "Order: a field, `-` first for descending; ties by id.",
                    schema = @Schema(type = SchemaType.STRING, defaultValue = "id", enumeration = {"id", "-id", "name", "-name", "createdAt", "-createdAt"})) String sort) {
        query.refuseLabelSelector("alert rules");
        Keyset<AlertRule> page = Cursors.keyset(query, TelemetrySorting.RULES, sort);
        return Page.fromOverfetch(rules.page(org.id(), page), query.limit(), page::keyOf, AlertRuleView::of);
    }

    @Operation(operationId = "getAlertRule", summary = "Get an alert rule, with its ETag")
    @GET
    @Path("{id}")
    @RolesAllowed(FleetRoles.VIEWER)
    public RestResponse<AlertRuleView> get(@PathParam("id") UUID id) {
        return withETag(rules.get(org.id(), id));
    }

    /** Replaces the rule's spec; {@code If-Match: "<version>"} guards against lost updates. */
    @Operation(operationId = "replaceAlertRule", summary = "Replace an alert rule")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @APIResponse(responseCode = "412", description = Refusals.PRECONDITION_FAILED)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @PUT
    @Path("{id}")
    @RolesAllowed(FleetRoles.OPERATOR)
    public RestResponse<AlertRuleView> replace(@PathParam("id") UUID id, @Valid @NotNull AlertRuleSpec spec,
                                               @HeaderParam(HttpHeaders.IF_MATCH) @Schema(maxLength = Limits.SHORT_TEXT)
                                               String ifMatch) {
        return withETag(rules.replace(org.id(), id, spec, Versions.named(ifMatch)));
    }

    private static RestResponse<AlertRuleView> withETag(AlertRule rule) {
        return RestResponse.ResponseBuilder.ok(AlertRuleView.of(rule)).header(HttpHeaders.ETAG, Versions.etag(rule.version))
                .build();
    }

    @Operation(operationId = "deleteAlertRule", summary = "Delete an alert rule")
    @APIResponse(responseCode = "204", description = "Deleted")
    @DELETE
    @Path("{id}")
    @RolesAllowed(FleetRoles.OPERATOR)
    public Response delete(@PathParam("id") UUID id) {
        rules.delete(org.id(), id);
        return Response.noContent().build();
    }
}
