package io.edgefleet.telemetry.rest;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.rest.paging.Cursors;
import io.edgefleet.rest.paging.ListQuery;
import io.edgefleet.rest.paging.Page;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import io.edgefleet.telemetry.alert.AlertRule;
import io.edgefleet.telemetry.alert.AlertRuleService;
import io.edgefleet.telemetry.alert.AlertRuleSpec;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code /api/v1/alert-rules}: what raises alerts. Operators write, viewers read. */
@Path("/api/v1/alert-rules")
public class AlertRuleResource {

    private final AlertRuleService rules;
    private final CurrentOrganization org;

    public AlertRuleResource(AlertRuleService rules, CurrentOrganization org) {
        this.rules = rules;
        this.org = org;
    }

    /** A rule as the API shows it: its id and version, and its spec. */
    public record AlertRuleView(UUID id, long version, AlertRuleSpec spec, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        static AlertRuleView of(AlertRule rule) {
            return new AlertRuleView(rule.id, rule.version, AlertRuleSpec.of(rule), rule.createdAt, rule.updatedAt);
        }
    }

    @POST
    @RolesAllowed({FleetRoles.ADMIN, FleetRoles.OPERATOR})
    public Response create(@Valid @NotNull AlertRuleSpec spec, @Context UriInfo uri) {
        AlertRule rule = rules.create(org.id(), spec);
        return Response.created(uri.getAbsolutePathBuilder().path(rule.id.toString()).build())
                .entity(AlertRuleView.of(rule)).build();
    }

    @GET
    @RolesAllowed({FleetRoles.ADMIN, FleetRoles.OPERATOR, FleetRoles.VIEWER})
    public Page<AlertRuleView> list(@BeanParam ListQuery query) {
        query.refuseLabelSelector("alert rules");
        int limit = query.limit();
        return Page.fromOverfetch(rules.page(org.id(), Cursors.uuidAfter(query), limit + 1), limit, r -> r.id.toString(),
                AlertRuleView::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({FleetRoles.ADMIN, FleetRoles.OPERATOR, FleetRoles.VIEWER})
    public AlertRuleView get(@PathParam("id") UUID id) {
        return AlertRuleView.of(rules.get(org.id(), id));
    }

    /** Replaces the rule's spec; {@code If-Match: "<version>"} guards against lost updates. */
    @PUT
    @Path("{id}")
    @RolesAllowed({FleetRoles.ADMIN, FleetRoles.OPERATOR})
    public AlertRuleView replace(@PathParam("id") UUID id, @Valid @NotNull AlertRuleSpec spec, @HeaderParam("If-Match") @Schema(maxLength = Limits.SHORT_TEXT) String ifMatch) {
        Optional<Long> version = Optional.ofNullable(ifMatch).map(v -> v.replace("\"", "").replace("W/", ""))
                .map(AlertRuleResource::version);
        return AlertRuleView.of(rules.replace(org.id(), id, spec, version));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({FleetRoles.ADMIN, FleetRoles.OPERATOR})
    public Response delete(@PathParam("id") UUID id) {
        rules.delete(org.id(), id);
        return Response.noContent().build();
    }

    private static long version(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new io.edgefleet.core.error.FleetException(io.edgefleet.core.error.CommonErrorCode.VALIDATION_FAILED,
                    "If-Match must be a rule version, e.g. \"3\"");
        }
    }
}
