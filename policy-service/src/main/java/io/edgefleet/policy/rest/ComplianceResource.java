package io.edgefleet.policy.rest;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.policy.compliance.ComplianceQueries;
import io.edgefleet.projection.read.DeviceScopes;
import io.edgefleet.rest.paging.ListQuery;
import io.edgefleet.rest.paging.Page;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Compliance per device and assignment, and the fleet's roll-up. Viewers read. */
@Tag(name = "Compliance", description = "Each device's compliance with each enforced assignment, with reasons naming the field.")
@Path("/api/v1")
public class ComplianceResource {

    private final ComplianceQueries compliance;
    private final DeviceScopes scopes;
    private final CurrentOrganization org;

    public ComplianceResource(ComplianceQueries compliance, DeviceScopes scopes, CurrentOrganization org) {
        this.compliance = compliance;
        this.scopes = scopes;
        this.org = org;
    }

    /**
     * A roll-up: each device counted once, by its worst state over its records
     * ({@code error} > {@code non-compliant} > {@code unknown} > {@code exempt} > {@code compliant});
     * {@code compliantPercent} of the devices evaluated (100 when none is).
     */
    public record FleetCompliance(Map<String, Long> devices, long evaluated, double compliantPercent) {
    }

    @Operation(operationId = "listCompliance", summary = "List compliance records, by assignment and device")
    @GET
    @Path("compliance")
    @RolesAllowed(FleetRoles.VIEWER)
    public Page<ComplianceQueries.Record> list(@BeanParam ListQuery query,
                                               @QueryParam("device") @Parameter(description = "Only this device's records") UUID device,
                                               @QueryParam("assignment") @Parameter(description = "Only this assignment's records") UUID assignment,
                                               @QueryParam("state") @Parameter(description = "Only records in this state",
                                                       schema = @Schema(enumeration = {"compliant", "non-compliant", "exempt", "unknown", "error"},
                                                               maxLength = Limits.SHORT_TEXT)) String state) {
        query.refuseLabelSelector("compliance records");
        if (state != null && !List.of("compliant", "non-compliant", "exempt", "unknown", "error").contains(state)) {
            throw new FleetException(CommonErrorCode.VALIDATION_FAILED, "state is compliant, non-compliant, exempt, unknown or error");
        }
        UUID[] after = query.cursor().map(cursor -> after(cursor.afterKey())).orElse(null);
        List<ComplianceQueries.Record> rows = compliance.records(org.id(), new ComplianceQueries.Filter(device, assignment, state),
                after, query.limit() + 1);
        return Page.fromOverfetch(rows, query.limit(), r -> r.assignmentId() + "/" + r.deviceId(), r -> r);
    }

    @Operation(operationId = "getDeviceCompliance", summary = "A device's compliance with every assignment that covers it")
    @GET
    @Path("devices/{id}/compliance")
    @RolesAllowed(FleetRoles.VIEWER)
    public Page<ComplianceQueries.Record> device(@PathParam("id") UUID id) {
        return Page.of(compliance.records(org.id(), new ComplianceQueries.Filter(id, null, null), null, Limits.LIST_ITEMS));
    }

    @Operation(operationId = "getFleetCompliance", summary = "Compliance rolled up: devices by their worst state, over the "
            + "fleet, a group, or one policy's assignments")
    @GET
    @Path("compliance/summary")
    @RolesAllowed(FleetRoles.VIEWER)
    public FleetCompliance summary(@QueryParam("group") @Parameter(description = "Only this group's devices (name or id)",
                                           schema = @Schema(maxLength = Limits.NAME)) String group,
                                   @QueryParam("policy") @Parameter(description = "Only the records of this policy's assignments")
                                   UUID policy) {
        DeviceScopes.Scope scope = group == null || group.isBlank() ? null : scopes.resolve(org.id(), null, group, null);
        Map<String, Long> devices = compliance.rollUp(org.id(), scope, policy);
        long evaluated = devices.values().stream().mapToLong(Long::longValue).sum();
        double percent = evaluated == 0 ? 100.0 : Math.round(devices.get("compliant") * 1000.0 / evaluated) / 10.0;
        return new FleetCompliance(devices, evaluated, percent);
    }

    private static UUID[] after(String key) {
        String[] parts = key.split("/", 3);
        try {
            return new UUID[] {UUID.fromString(parts[0]), UUID.fromString(parts[1])};
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new FleetException(CommonErrorCode.INVALID_CURSOR, "cursor is not one this API returned");
        }
    }
}
