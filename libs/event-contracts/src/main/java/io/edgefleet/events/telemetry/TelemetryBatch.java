package io.edgefleet.events.telemetry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Data of {@code edgefleet.telemetry.samples.v1} on {@code fleet.telemetry.samples}: one batch
 * of metric samples a device posted, accepted by telemetry-service. Key and subject = device id.
 *
 * @param batchId the agent's id of the batch: a replayed batch carries the same id
 * @param sequence the agent's running number of the batch, in sending order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TelemetryBatch(String deviceId, String batchId, long sequence, List<Sample> samples, Instant receivedAt) {

    /** One value of one metric at one time, with its labels (e.g. {@code node}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sample(String metric, Map<String, String> labels, Instant timestamp, double value) {
    }
}
