package io.edgefleet.provisioning.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.access.AccessLevel;
import io.edgefleet.access.CallerScope;
import io.edgefleet.access.DeviceScoped;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.provisioning.command.CommandService;
import io.edgefleet.provisioning.service.ProvisioningErrorCode;
import io.edgefleet.rest.openapi.Refusals;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Many commands in one call and one transaction, for systems that act on many devices at once
 * (a rollout's wave sent over REST rather than Kafka). All items are accepted or none: a refused
 * item is answered with its index ({@code items[3]: …}) and nothing is stored. Each item is
 * idempotent on its own key, so a retried batch returns the commands it created the first time.
 */
@Tag(name = "Commands")
@Path("/api/v1/commands/batch")
public class CommandBatchResource {

    private final CommandService service;
    private final CurrentOrganization org;
    private final CallerScope caller;

    public CommandBatchResource(CommandService service, CurrentOrganization org, CallerScope caller) {
        this.service = service;
        this.org = org;
        this.caller = caller;
    }

    @Operation(operationId = "requestCommands", summary = "Send commands to many devices at once (all or none)")
    @APIResponse(responseCode = "200", description = "Every item accepted, in request order; `created` false for an "
            + "idempotent repeat")
    @APIResponse(responseCode = "403", description = Refusals.POLICY_DENIED)
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @POST
    @RolesAllowed(FleetRoles.OPERATOR)
    @DeviceScoped
    public Accepted request(@Valid @NotNull Batch body) {
        for (int i = 0; i < body.items().size(); i++) {
            caller.require(body.items().get(i).deviceId(), AccessLevel.OPERATOR, ProvisioningErrorCode.DEVICE_NOT_FOUND);
        }
        String actor = org.actor();
        List<CommandService.CommandRequest> requests = body.items().stream()
                .map(item -> item.toRequest(actor)).toList();
        return new Accepted(service.requestAll(org.id(), requests).stream()
                .map(a -> new AcceptedItem(a.created(), CommandView.of(a.command()))).toList());
    }

    /** The commands to request, at most {@value Limits#BULK_DEVICES}. */
    public record Batch(@NotEmpty @Size(max = Limits.BULK_DEVICES) List<@Valid @NotNull Item> items) {
    }

    /** One command of a batch: its device and the fields {@code POST /devices/{id}/commands} takes. */
    public record Item(@NotNull UUID deviceId, @NotBlank @Size(max = Limits.SHORT_TEXT) String type, @NotNull JsonNode payload,
                       Long ttlSeconds, @Size(max = Limits.IDEMPOTENCY_KEY) String idempotencyKey) {

        CommandService.CommandRequest toRequest(String actor) {
            return new CommandResource.NewCommand(type, payload, ttlSeconds, idempotencyKey).toRequest(deviceId, null, actor);
        }
    }

    public record Accepted(List<AcceptedItem> items) {
    }

    public record AcceptedItem(boolean created, CommandView command) {
    }
}
