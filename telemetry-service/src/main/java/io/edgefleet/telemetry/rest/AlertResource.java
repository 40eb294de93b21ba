package io.edgefleet.telemetry.rest;

import io.edgefleet.access.AccessLevel;
import io.edgefleet.access.CallerScope;
import io.edgefleet.access.DeviceScoped;
import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.projection.read.DeviceScopes;
import io.edgefleet.rest.openapi.Refusals;
import io.edgefleet.rest.paging.Cursors;
import io.edgefleet.rest.paging.Page;
import io.edgefleet.rest.paging.SelectorListQuery;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import io.edgefleet.telemetry.alert.Alert;
import io.edgefleet.telemetry.alert.Alerts;
import io.edgefleet.telemetry.alert.TelemetrySorting;
import io.edgefleet.telemetry.ingest.TelemetryErrorCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/alerts}: pending, firing and resolved alerts, filtered by status, severity,
 * device, rule and the devices' labels ({@code labelSelector}); acknowledging a firing one.
 */
@Tag(name = "Alerts", description = "Raised and resolved alerts.")
@Path("/api/v1/alerts")
public class AlertResource {

    private static final Set<String> STATES = Set.of(Alert.PENDING, Alert.FIRING, Alert.RESOLVED);
    private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");

    private final Alerts alerts;
    private final DeviceScopes scopes;
    private final CurrentOrganization org;
    private final CallerScope caller;

    public AlertResource(Alerts alerts, DeviceScopes scopes, CurrentOrganization org, CallerScope caller) {
        this.caller = caller;
        this.alerts = alerts;
        this.scopes = scopes;
        this.org = org;
    }

    /** An alert as the API shows it. */
    public record AlertView(UUID id, UUID ruleId, String ruleName, String ruleKind, String severity, UUID deviceId,
                            String deviceName, String status, Double value, String summary, boolean silenced,
                            OffsetDateTime pendingSince, OffsetDateTime startedAt, OffsetDateTime resolvedAt,
                            String acknowledgedBy, OffsetDateTime acknowledgedAt) {

        static AlertView of(Alert a) {
            return new AlertView(a.id, a.ruleId, a.ruleName, a.ruleKind, a.severity, a.deviceId, a.deviceName, a.state,
                    a.value, a.summary, a.silenced, a.pendingSince, a.startedAt, a.resolvedAt, a.acknowledgedBy,
                    a.acknowledgedAt);
        }
    }

    @Operation(operationId = "listAlerts", summary = "List alerts")
    @GET
    @RolesAllowed(FleetRoles.VIEWER)
    @DeviceScoped
    public Page<AlertView> list(@BeanParam SelectorListQuery query,
                                @QueryParam("status") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"pending", "firing",
                                        "resolved"})) String status,
                                @QueryParam("severity") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"critical", "warning",
                                        "info"})) String severity, @QueryParam("device") String device,
                                @QueryParam("rule") String rule, @QueryParam("sort") @Parameter(description = "Order: a field, `-` first for descending; ties by id.",
                    schema = @Schema(type = SchemaType.STRING, defaultValue = "id", enumeration = {"id", "-id", "pendingSince", "-pendingSince", "startedAt", "-startedAt"})) String sort) {
        Alerts.Filter filter = new Alerts.Filter(oneOf("status", status, STATES), oneOf("severity", severity, SEVERITIES),
                uuid("device", device), uuid("rule", rule));
        DeviceScopes.Scope devices = scopes.matching(org.id(), query.labelSelector()).and(caller.visible());
        Keyset<Alert> page = Cursors.keyset(query, TelemetrySorting.ALERTS, sort);
        return Page.fromOverfetch(alerts.page(org.id(), filter, devices, page), query.limit(), page::keyOf, AlertView::of);
    }

    @Operation(operationId = "getAlert", summary = "Get an alert")
    @GET
    @Path("{id}")
    @RolesAllowed(FleetRoles.VIEWER)
    @DeviceScoped
    public AlertView get(@PathParam("id") UUID id) {
        return AlertView.of(visible(id, AccessLevel.VIEWER));
    }

    @Operation(operationId = "acknowledgeAlert", summary = "Acknowledge a firing alert")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @POST
    @Path("{id}/acknowledge")
    @RolesAllowed(FleetRoles.OPERATOR)
    @DeviceScoped
    public AlertView acknowledge(@PathParam("id") UUID id) {
        visible(id, AccessLevel.OPERATOR);
        return AlertView.of(alerts.acknowledge(org.id(), id, org.actor()));
    }

    /** An alert of a device the caller holds {@code needed} over; one of another device is unknown (404). */
    private Alert visible(UUID id, AccessLevel needed) {
        Alert alert = alerts.get(org.id(), id);
        caller.require(alert.deviceId, needed, TelemetryErrorCode.ALERT_NOT_FOUND);
        return alert;
    }

    private static Optional<String> oneOf(String name, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw new FleetException(CommonErrorCode.VALIDATION_FAILED, name + " must be one of " + allowed);
        }
        return Optional.ofNullable(value);
    }

    private static Optional<UUID> uuid(String name, String value) {
        try {
            return Optional.ofNullable(value).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            throw new FleetException(CommonErrorCode.VALIDATION_FAILED, name + " must be an id");
        }
    }
}
