package io.edgefleet.telemetry.rest;

import io.edgefleet.core.limits.Limits;
import io.edgefleet.deviceauth.CurrentDevice;
import io.edgefleet.deviceauth.DeviceAuthenticationMechanism;
import io.edgefleet.deviceauth.DeviceTokenVerifier;
import io.edgefleet.events.telemetry.TelemetryBatch;
import io.edgefleet.rest.limits.RateLimited;
import io.edgefleet.rest.openapi.Refusals;
import io.edgefleet.rest.security.FleetRoles;
import io.edgefleet.telemetry.ingest.TelemetryIngest;
import io.quarkus.vertx.http.runtime.security.annotation.HttpAuthenticationMechanism;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code POST /api/v1/telemetry}: devices post batches of samples (device tokens only). */
@SecurityRequirement(name = FleetRoles.DEVICE_TOKEN)
@Tag(name = "Telemetry ingest", description = "Metric samples posted by devices.")
@Path("/api/v1/telemetry")
public class TelemetryResource {

    private final TelemetryIngest ingest;
    private final CurrentDevice device;

    public TelemetryResource(TelemetryIngest ingest, CurrentDevice device) {
        this.ingest = ingest;
        this.device = device;
    }

    /** 202 once Kafka holds the batch; the agent may then forget it. */
    @Operation(operationId = "ingestTelemetry", summary = "Post a batch of the calling device's metric samples")
    @APIResponse(responseCode = "202", description = "Accepted: on Kafka, stored shortly",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "413", description = Refusals.TOO_LARGE)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @APIResponse(responseCode = "429", description = Refusals.RATE_LIMITED)
    @APIResponse(responseCode = "503", description = Refusals.UNAVAILABLE)
    @RateLimited(value = "telemetry", per = RateLimited.Per.DEVICE)
    @POST
    @HttpAuthenticationMechanism(DeviceAuthenticationMechanism.SCHEME)
    @RolesAllowed(DeviceTokenVerifier.DEVICE_ROLE)
    public RestResponse<Accepted> post(@Valid @NotNull BatchRequest body) {
        TelemetryBatch batch = ingest.accept(device.get(), new TelemetryIngest.PostedBatch(body.deviceId(), body.batchId(),
                body.sequence(), body.samples()));
        return RestResponse.accepted(new Accepted(batch.batchId(), batch.samples().size()));
    }

    /** A batch; {@code batchId} identifies it across retries. */
    public record BatchRequest(@Size(max = Limits.UUID) String deviceId,
                               @NotNull @Size(min = Limits.UUID, max = Limits.UUID, message = "must be a UUID") String batchId,
                               @PositiveOrZero long sequence,
                               @NotNull @Schema(maxItems = Limits.SAMPLES_PER_BATCH) List<TelemetryIngest.PostedSample> samples) {
    }

    /** What was accepted. */
    public record Accepted(String batchId, int samples) {
    }
}
