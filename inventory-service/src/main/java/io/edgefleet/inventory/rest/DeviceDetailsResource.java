package io.edgefleet.inventory.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.access.AccessLevel;
import io.edgefleet.access.CallerScope;
import io.edgefleet.access.DeviceScoped;
import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.inventory.domain.ClusterNode;
import io.edgefleet.inventory.service.DeviceService;
import io.edgefleet.inventory.service.DeviceStates;
import io.edgefleet.inventory.service.InventoryErrorCode;
import io.edgefleet.inventory.service.InventoryQueries;
import io.edgefleet.rest.openapi.Refusals;
import io.edgefleet.rest.paging.ListQuery;
import io.edgefleet.rest.paging.Page;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A device's history and nodes, and label changes across many devices. */
@Tag(name = "Devices", description = "Devices of the fleet: register, find, change, decommission.")
@Path("/api/v1/devices")
public class DeviceDetailsResource {

    private final DeviceService devices;
    private final DeviceStates states;
    private final InventoryQueries queries;
    private final CurrentOrganization org;
    private final ObjectMapper json;
    private final CallerScope caller;

    public DeviceDetailsResource(DeviceService devices, DeviceStates states, InventoryQueries queries,
                                 CurrentOrganization org, ObjectMapper json, CallerScope caller) {
        this.caller = caller;
        this.devices = devices;
        this.states = states;
        this.queries = queries;
        this.org = org;
        this.json = json;
    }

    /** The timeline of a device: who or which event changed what, oldest first. */
    @Operation(operationId = "listDeviceHistory", summary = "List a device's history, oldest first")
    @GET
    @Path("{id}/history")
    @RolesAllowed(FleetRoles.VIEWER)
    @DeviceScoped
    public Page<HistoryEntry> history(@PathParam("id") UUID id, @BeanParam ListQuery query) {
        caller.require(id, AccessLevel.VIEWER, InventoryErrorCode.DEVICE_NOT_FOUND);
        query.refuseLabelSelector("history entries");
        int limit = query.limit();
        Optional<Long> after = query.cursor().map(c -> parseLong(c.afterKey()));
        return Page.fromOverfetch(queries.history(org.id(), id, after, limit + 1), limit, e -> Long.toString(e.id()),
                e -> new HistoryEntry(e.at(), e.actor(), readTree(e.changesJson())));
    }

    @Operation(operationId = "listDeviceNodes", summary = "List the Kubernetes nodes a device runs")
    @GET
    @Path("{id}/nodes")
    @RolesAllowed(FleetRoles.VIEWER)
    @DeviceScoped
    public Page<ClusterNode> nodes(@PathParam("id") UUID id) {
        caller.require(id, AccessLevel.VIEWER, InventoryErrorCode.DEVICE_NOT_FOUND);
        return Page.of(queries.nodesOfDevice(org.id(), id));
    }

    /** Sets (or, with a null value, removes) labels on every listed device; all or nothing. */
    @Operation(operationId = "labelDevices", summary = "Set or remove labels on many devices, all or none")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @POST
    @Path("bulk-labels")
    @RolesAllowed(FleetRoles.OPERATOR)
    @DeviceScoped
    public Page<DeviceView> bulkLabels(@Valid @NotNull BulkLabels request) {
        caller.requireAll(request.deviceIds(), AccessLevel.OPERATOR);
        return Page.of(devices.patchLabels(org.id(), request.deviceIds(), request.labels(), org.actor()).stream()
                .map(d -> DeviceView.of(d, states.of(d))).toList());
    }

    /** A label patch for many devices. */
    public record BulkLabels(@NotEmpty @Size(max = Limits.BULK_DEVICES) List<UUID> deviceIds,
                             @NotNull @Size(max = Limits.LABELS) Map<@Size(max = Limits.LABEL_KEY) String, @Size(max = Limits.LABEL_VALUE) String> labels) {
    }

    /** One change in a device's history. */
    public record HistoryEntry(OffsetDateTime at, String actor, JsonNode changes) {
    }

    private JsonNode readTree(String value) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new FleetException(CommonErrorCode.INVALID_CURSOR, "cursor is not one this API returned");
        }
    }
}
