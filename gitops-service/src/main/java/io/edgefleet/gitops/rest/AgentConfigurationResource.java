package io.edgefleet.gitops.rest;

import io.edgefleet.deviceauth.CurrentDevice;
import io.edgefleet.deviceauth.DeviceAuthenticationMechanism;
import io.edgefleet.deviceauth.DeviceCaller;
import io.edgefleet.deviceauth.DeviceTokenVerifier;
import io.edgefleet.gitops.compliance.ClusterStatusReport;
import io.edgefleet.gitops.delivery.AgentDelivery;
import io.edgefleet.gitops.delivery.DesiredConfigurations;
import io.edgefleet.rest.openapi.Refusals;
import io.edgefleet.rest.security.FleetRoles;
import io.quarkus.vertx.http.runtime.security.annotation.HttpAuthenticationMechanism;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The device API: a machine's agent fetches its cluster's configurations (credentials included,
 * for this device only) on every connect and when told they changed, and reports their state.
 */
@SecurityRequirement(name = FleetRoles.DEVICE_TOKEN)
@Tag(name = "Agent configurations", description = "The calling machine's GitOps configurations and their state on its cluster.")
@Path("/api/v1/agent/configurations")
public class AgentConfigurationResource {

    private final AgentDelivery delivery;
    private final CurrentDevice device;

    public AgentConfigurationResource(AgentDelivery delivery, CurrentDevice device) {
        this.delivery = delivery;
        this.device = device;
    }

    @Operation(operationId = "getAgentConfigurations", summary = "The calling machine's desired GitOps configurations")
    @APIResponse(responseCode = "200", description = "The set, with its fingerprint as ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DesiredConfigurations.class)))
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @GET
    @HttpAuthenticationMechanism(DeviceAuthenticationMechanism.SCHEME)
    @RolesAllowed(DeviceTokenVerifier.DEVICE_ROLE)
    public RestResponse<DesiredConfigurations> get() {
        DeviceCaller caller = device.get();
        DesiredConfigurations set = delivery.fetch(caller.orgId(), caller.deviceId());
        return RestResponse.ResponseBuilder.ok(set).header(HttpHeaders.ETAG, "\"" + set.fingerprint() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @Operation(operationId = "reportAgentConfigurations", summary = "Report the state of the cluster's Flux objects")
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @PUT
    @Path("status")
    @HttpAuthenticationMechanism(DeviceAuthenticationMechanism.SCHEME)
    @RolesAllowed(DeviceTokenVerifier.DEVICE_ROLE)
    public Response report(@Valid @NotNull ClusterStatusReport report) {
        DeviceCaller caller = device.get();
        delivery.report(caller.orgId(), caller.deviceId(), report);
        return Response.noContent().build();
    }
}
