package io.edgefleet.provisioning.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.access.AccessLevel;
import io.edgefleet.access.CallerScope;
import io.edgefleet.access.DeviceScoped;
import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.events.commands.CommandStatus;
import io.edgefleet.provisioning.command.CommandService;
import io.edgefleet.provisioning.domain.Command;
import io.edgefleet.provisioning.repository.ProvisioningSorting;
import io.edgefleet.provisioning.service.ProvisioningErrorCode;
import io.edgefleet.rest.openapi.Refusals;
import io.edgefleet.rest.paging.Cursors;
import io.edgefleet.rest.paging.ListQuery;
import io.edgefleet.rest.paging.Page;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Operators' commands: request for a device, read, list per device, cancel. */
@Tag(name = "Commands", description = "Commands to devices and their lifecycle.")
@Path("/api/v1")
public class CommandResource {

    private final CommandService service;
    private final CurrentOrganization org;
    private final CallerScope caller;

    public CommandResource(CommandService service, CurrentOrganization org, CallerScope caller) {
        this.caller = caller;
        this.service = service;
        this.org = org;
    }

    /** 201 for a new command; 200 with the earlier command when the idempotency key repeats. */
    @Operation(operationId = "requestCommand", summary = "Send a command to a device")
    @APIResponse(responseCode = "201", description = "The new command, queued, with its Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommandView.class)))
    @APIResponse(responseCode = "200", description = "The command an earlier request with the same Idempotency-Key created")
    @APIResponse(responseCode = "403", description = Refusals.POLICY_DENIED)
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @POST
    @Path("devices/{deviceId}/commands")
    @RolesAllowed(FleetRoles.OPERATOR)
    @DeviceScoped
    public RestResponse<CommandView> request(@PathParam("deviceId") UUID deviceId, @Valid @NotNull NewCommand body,
                                             @HeaderParam("Idempotency-Key") @Schema(maxLength = Limits.IDEMPOTENCY_KEY) String idempotencyHeader, UriInfo uri) {
        caller.require(deviceId, AccessLevel.OPERATOR, ProvisioningErrorCode.DEVICE_NOT_FOUND);
        return answer(service.request(org.id(), body.toRequest(deviceId, idempotencyHeader, org.actor())), uri);
    }

    /** 201 with its Location for a new command; 200 with the earlier one for a repeated idempotency key. */
    static RestResponse<CommandView> answer(CommandService.Accepted accepted, UriInfo uri) {
        CommandView view = CommandView.of(accepted.command());
        if (!accepted.created()) {
            return RestResponse.ok(view);
        }
        return RestResponse.ResponseBuilder.<CommandView>created(
                uri.getBaseUriBuilder().path("api/v1/commands").path(view.id()).build()).entity(view).build();
    }

    @Operation(operationId = "getCommand", summary = "Get a command and its status")
    @GET
    @Path("commands/{id}")
    @RolesAllowed(FleetRoles.VIEWER)
    @DeviceScoped
    public CommandView get(@PathParam("id") UUID id) {
        return CommandView.of(visible(id, AccessLevel.VIEWER));
    }

    @Operation(operationId = "listDeviceCommands", summary = "List a device's commands")
    @GET
    @Path("devices/{deviceId}/commands")
    @RolesAllowed(FleetRoles.VIEWER)
    @DeviceScoped
    public Page<CommandView> list(@PathParam("deviceId") UUID deviceId, @BeanParam ListQuery query,
                                  @QueryParam("status") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"queued", "delivered",
                                          "acknowledged", "running", "succeeded", "failed", "expired", "cancelled",
                                          "rejected"})) String status,
                                  @QueryParam("sort") @Parameter(description = "Order: newest first unless asked otherwise; "
                                          + "ties by id.", schema = @Schema(type = SchemaType.STRING, defaultValue = "-createdAt",
                                          enumeration = {"-createdAt", "createdAt", "id", "-id"})) String sort) {
        caller.require(deviceId, AccessLevel.VIEWER, ProvisioningErrorCode.DEVICE_NOT_FOUND);
        query.refuseLabelSelector("commands");
        Keyset<Command> page = Cursors.keyset(query, ProvisioningSorting.COMMANDS, sort);
        return Page.fromOverfetch(service.page(org.id(), deviceId, status(status), page), query.limit(), page::keyOf,
                CommandView::of);
    }

    @Operation(operationId = "cancelCommand", summary = "Cancel a command the agent has not acknowledged")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @POST
    @Path("commands/{id}/cancel")
    @RolesAllowed(FleetRoles.OPERATOR)
    @DeviceScoped
    public CommandView cancel(@PathParam("id") UUID id) {
        visible(id, AccessLevel.OPERATOR);
        return CommandView.of(service.cancel(org.id(), id));
    }

    /** A command of a device the caller holds {@code needed} over; one of another device is unknown (404). */
    private Command visible(UUID id, AccessLevel needed) {
        Command command = service.get(org.id(), id);
        caller.require(command.deviceId, needed, ProvisioningErrorCode.COMMAND_NOT_FOUND);
        return command;
    }

    /** An operator's command request; {@code ttlSeconds} defaults to 24 h. */
    public record NewCommand(@NotBlank @Size(max = Limits.SHORT_TEXT) String type, @NotNull JsonNode payload, Long ttlSeconds,
                             @Size(max = Limits.IDEMPOTENCY_KEY) String idempotencyKey) {

        /** The request for {@code deviceId}; the body's idempotency key wins over the header's. */
        CommandService.CommandRequest toRequest(UUID deviceId, String idempotencyHeader, String actor) {
            return new CommandService.CommandRequest(deviceId, type, payload, ttlSeconds == null ? null
                    : Duration.ofSeconds(ttlSeconds), idempotencyKey != null ? idempotencyKey : idempotencyHeader, actor);
        }
    }

    private static Optional<CommandStatus> status(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CommandStatus.fromWireName(value.trim()));
        } catch (IllegalArgumentException e) {
            throw new FleetException(CommonErrorCode.VALIDATION_FAILED,
                    "status must be one of queued, delivered, acknowledged, running, succeeded, failed, expired, cancelled");
        }
    }
}
