package io.edgefleet.telemetry.rest;

import io.edgefleet.core.limits.Limits;
import io.edgefleet.events.telemetry.TelemetryBatch;
import io.edgefleet.rest.security.FleetRoles;
import io.edgefleet.telemetry.ingest.TelemetryIngest;
import io.edgefleet.telemetry.security.DeviceTokenVerifier;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** {@code POST /api/v1/telemetry}: devices post batches of samples (device tokens only). */
@SecurityScheme(securitySchemeName = FleetRoles.DEVICE_TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "A device access token from POST /api/v1/device-tokens")
@SecurityRequirement(name = FleetRoles.DEVICE_TOKEN)
@Path("/api/v1/telemetry")
public class TelemetryResource {

    private final TelemetryIngest ingest;
    private final DeviceTokenVerifier devices;

    public TelemetryResource(TelemetryIngest ingest, DeviceTokenVerifier devices) {
        this.ingest = ingest;
        this.devices = devices;
    }

    /** 202 once Kafka holds the batch; the agent may then forget it. */
    @POST
    @PermitAll
    public Response post(@Valid @NotNull BatchRequest body, HttpHeaders headers) {
        DeviceTokenVerifier.DeviceCaller device = devices.verify(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        TelemetryBatch batch = ingest.accept(device, new TelemetryIngest.PostedBatch(body.deviceId(), body.batchId(),
                body.sequence(), body.samples()));
        return Response.accepted(new Accepted(batch.batchId(), batch.samples().size())).build();
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
