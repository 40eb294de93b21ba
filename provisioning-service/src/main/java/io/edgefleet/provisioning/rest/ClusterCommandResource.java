package io.edgefleet.provisioning.rest;

import io.edgefleet.access.AccessLevel;
import io.edgefleet.access.CallerScope;
import io.edgefleet.access.DeviceScoped;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.events.commands.CommandType;
import io.edgefleet.provisioning.gateway.ClusterCommands;
import io.edgefleet.provisioning.gateway.ClusterMachines;
import io.edgefleet.rest.openapi.Refusals;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Commands that act on a cluster as a whole, addressed to the cluster and run on one of its
 * machines; and which command types are which ({@code GET /api/v1/command-types}).
 */
@Tag(name = "Commands", description = "Commands to devices and their lifecycle.")
@Path("/api/v1")
public class ClusterCommandResource {

    private final ClusterCommands clusterCommands;
    private final CurrentOrganization org;
    private final CallerScope caller;

    public ClusterCommandResource(ClusterCommands clusterCommands, CurrentOrganization org, CallerScope caller) {
        this.clusterCommands = clusterCommands;
        this.org = org;
        this.caller = caller;
    }

    @Operation(operationId = "requestClusterCommand", summary = "Send a cluster-scoped command to a cluster",
            description = "Runs on exactly one machine of the cluster: a connected control-plane machine first, another "
                    + "connected one otherwise; while its agent has not acknowledged it, it moves to another connected "
                    + "machine when its machine goes offline. Only types of scope cluster (GET /api/v1/command-types); "
                    + "the caller needs operator over every machine of the cluster.")
    @APIResponse(responseCode = "201", description = "The new command, queued for the chosen machine, with its Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommandView.class)))
    @APIResponse(responseCode = "200", description = "The command an earlier request with the same Idempotency-Key created")
    @APIResponse(responseCode = "404", description = "No such cluster with an enrolled machine (CLUSTER_NOT_FOUND)")
    @APIResponse(responseCode = "403", description = Refusals.POLICY_DENIED)
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @POST
    @Path("clusters/{clusterId}/commands")
    @RolesAllowed(FleetRoles.OPERATOR)
    @DeviceScoped
    public RestResponse<CommandView> request(@PathParam("clusterId") UUID clusterId,
                                             @Valid @NotNull CommandResource.NewCommand body,
                                             @HeaderParam("Idempotency-Key") @Schema(maxLength = Limits.IDEMPOTENCY_KEY)
                                             String idempotencyHeader, UriInfo uri) {
        List<ClusterMachines.Machine> machines = clusterCommands.machinesOf(org.id(), clusterId);
        caller.requireAll(machines.stream().map(ClusterMachines.Machine::deviceId).toList(), AccessLevel.OPERATOR);
        return CommandResource.answer(clusterCommands.request(org.id(), clusterId, machines,
                body.toRequest(null, idempotencyHeader, org.actor())), uri);
    }

    @Operation(operationId = "listCommandTypes", summary = "List the command types, their scope and payload schema")
    @GET
    @Path("command-types")
    @RolesAllowed(FleetRoles.VIEWER)
    public CommandTypes types() {
        return new CommandTypes(Arrays.stream(CommandType.values()).map(t -> new CommandTypeView(t.wireName(),
                t.scope().wireName(), t.payloadSchemaResource())).toList());
    }

    /** Every command type. */
    public record CommandTypes(List<CommandTypeView> items) {
    }

    /**
     * @param scope {@code cluster}: acts on the cluster as a whole (send it to the cluster, it runs on one machine);
     *              {@code machine}: acts on the machine that runs it (send it to each machine)
     * @param payloadSchema the JSON Schema of its payload, within libs/event-contracts
     */
    public record CommandTypeView(String name, String scope, String payloadSchema) {
    }
}
