package io.edgefleet.provisioning.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.deviceauth.CurrentDevice;
import io.edgefleet.deviceauth.DeviceAuthenticationMechanism;
import io.edgefleet.deviceauth.DeviceCaller;
import io.edgefleet.deviceauth.DeviceTokenVerifier;
import io.edgefleet.events.agent.AgentMessage;
import io.edgefleet.provisioning.command.AgentCommandUpdates;
import io.edgefleet.provisioning.gateway.HttpDelivery;
import io.edgefleet.rest.openapi.Refusals;
import io.edgefleet.rest.security.FleetRoles;
import io.quarkus.vertx.http.runtime.security.annotation.HttpAuthenticationMechanism;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The HTTP fallback of the agent session, for networks that block WebSockets: long-poll for
 * commands, report their progress. Device tokens only; a device sees only its own commands.
 */
@SecurityRequirement(name = FleetRoles.DEVICE_TOKEN)
@Tag(name = "Agent", description = "What the on-device agent calls.")
@Path("/api/v1/device/commands")
@HttpAuthenticationMechanism(DeviceAuthenticationMechanism.SCHEME)
@RolesAllowed(DeviceTokenVerifier.DEVICE_ROLE)
public class DeviceCommandResource {

    private static final int MAX_WAIT_SECONDS = 30;

    private final CurrentDevice auth;
    private final HttpDelivery delivery;
    private final AgentCommandUpdates updates;

    public DeviceCommandResource(CurrentDevice auth, HttpDelivery delivery, AgentCommandUpdates updates) {
        this.auth = auth;
        this.delivery = delivery;
        this.updates = updates;
    }

    /** Commands not yet acknowledged, in order; waits up to {@code waitSeconds} for one to arrive. */
    @Operation(operationId = "pollDeviceCommands", summary = "Long-poll for the calling device's pending commands")
    @GET
    @Path("pending")
    public Pending pending(@QueryParam("waitSeconds") @DefaultValue("0") int waitSeconds)
            throws InterruptedException {
        DeviceCaller device = auth.get();
        if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
            throw new FleetException(CommonErrorCode.VALIDATION_FAILED, "waitSeconds must be 0 to " + MAX_WAIT_SECONDS);
        }
        return new Pending(delivery.poll(device.deviceId(), Duration.ofSeconds(waitSeconds)));
    }

    @Operation(operationId = "getDeviceCommand", summary = "Get one of the calling device's commands")
    @GET
    @Path("{id}")
    public CommandView get(@PathParam("id") UUID id) {
        return CommandView.of(updates.read(auth.get(), id));
    }

    /** The agent's report on a command: {@code acknowledged}, {@code running}, {@code succeeded} or {@code failed}. */
    @Operation(operationId = "reportCommandStatus",
            summary = "Report the progress of one of the calling device's commands")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @POST
    @Path("{id}/status")
    public CommandView report(@PathParam("id") UUID id, @Valid @NotNull StatusReport report) {
        DeviceCaller device = auth.get();
        return CommandView.of(switch (report.status()) {
            case "acknowledged" -> {
                updates.acknowledge(device, id);
                yield updates.read(device, id);
            }
            case "running" -> updates.progress(device, id);
            case "succeeded", "failed" -> updates.finish(device, id, report.status().equals("succeeded"),
                    report.result(), report.failureReason());
            default -> throw new FleetException(CommonErrorCode.VALIDATION_FAILED,
                    "status must be acknowledged, running, succeeded or failed");
        });
    }

    /** Commands handed to the device by a poll. */
    public record Pending(List<AgentMessage.CommandView> items) {
    }

    /** A device's report on one command. */
    public record StatusReport(@NotBlank @Size(max = Limits.SHORT_TEXT) String status, JsonNode result,
                               @Size(max = Limits.TEXT) String failureReason) {
    }
}
