package io.edgefleet.telemetry.ingest;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.deviceauth.DeviceCaller;
import io.edgefleet.events.EventType;
import io.edgefleet.events.telemetry.TelemetryBatch;
import io.edgefleet.messaging.outbox.DirectEvents;
import io.edgefleet.telemetry.config.TelemetryConfig;
import io.edgefleet.telemetry.metrics.FleetMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Accepts a device's batch: checks every limit, then hands the batch to Kafka and returns only
 * once Kafka acknowledged it ({@code acks=all}): nothing acknowledged to a device is ever lost.
 */
@ApplicationScoped
public class TelemetryIngest {

    private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private final TelemetryConfig config;
    private final DirectEvents events;
    private final Clock clock;
    private final FleetMetrics metrics;

    public TelemetryIngest(TelemetryConfig config, DirectEvents events, Clock clock, FleetMetrics metrics) {
        this.config = config;
        this.events = events;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** A batch as a device posts it. */
    public record PostedBatch(String deviceId, String batchId, long sequence, List<PostedSample> samples) {
    }

    /**
     * A sample as posted: nothing assumed, so that a missing value is refused rather than read as 0.
     * The bounds are documented here (the batch does not cascade validation to its samples) and
     * checked in {@link #accept} with telemetry's own error codes.
     */
    public record PostedSample(@Schema(maxLength = Limits.METRIC_NAME) String metric,
                               @Schema(maxProperties = Limits.SAMPLE_LABELS)
                               Map<String, @Size(max = Limits.SAMPLE_LABEL_VALUE) String> labels,
                               Instant timestamp, Double value) {
    }

    public TelemetryBatch accept(DeviceCaller device, PostedBatch posted) {
        if (posted.deviceId() != null && !posted.deviceId().equals(device.deviceId().toString())) {
            throw new FleetException(TelemetryErrorCode.DEVICE_MISMATCH, "device " + device.deviceId()
                    + " cannot post telemetry for device " + posted.deviceId());
        }
        List<PostedSample> list = posted.samples() == null ? List.of() : posted.samples();
        if (list.size() > Limits.SAMPLES_PER_BATCH) {
            throw new FleetException(TelemetryErrorCode.BATCH_TOO_LARGE, list.size() + " samples; the limit is "
                    + Limits.SAMPLES_PER_BATCH + " per batch");
        }
        Instant now = clock.instant();
        List<TelemetryBatch.Sample> samples = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            samples.add(check(i, list.get(i), now));
        }
        TelemetryBatch batch = new TelemetryBatch(device.deviceId().toString(), batchId(posted.batchId()), posted.sequence(),
                samples, now);
        try {
            events.publish(EventType.TELEMETRY_BATCH, device.orgId(), batch.deviceId(), batch)
                    .get(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (FleetException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FleetException(TelemetryErrorCode.INGEST_UNAVAILABLE, "interrupted; send the batch again");
        } catch (Exception e) {
            throw new FleetException(TelemetryErrorCode.INGEST_UNAVAILABLE, "the batch was not stored; send it again");
        }
        metrics.ingested(samples.size());
        return batch;
    }

    /** Storage keys samples by batch id as a UUID: anything else is refused here, never accepted and then lost. */
    private static String batchId(String batchId) {
        try {
            if (batchId != null && UUID.fromString(batchId).toString().equalsIgnoreCase(batchId)) {
                return batchId;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw FleetException.unprocessable("batchId", "must be a UUID");
    }

    private TelemetryBatch.Sample check(int index, PostedSample sample, Instant now) {
        if (sample == null) {
            throw FleetException.unprocessable("samples[" + index + "]", "must be a sample, not null");
        }
        if (sample.metric() == null || sample.metric().length() > Limits.METRIC_NAME
                || !METRIC.matcher(sample.metric()).matches()) {
            throw new FleetException(TelemetryErrorCode.INVALID_METRIC_NAME, "metric of samples[" + index
                    + "] must match [a-zA-Z_:][a-zA-Z0-9_:]* and have at most " + Limits.METRIC_NAME + " characters");
        }
        if (sample.value() == null || !Double.isFinite(sample.value())) {
            throw FleetException.unprocessable("samples[" + index + "].value", "must be a finite number");
        }
        Map<String, String> labels = sample.labels() == null ? Map.of() : sample.labels();
        if (labels.size() > Limits.SAMPLE_LABELS) {
            throw new FleetException(TelemetryErrorCode.TOO_MANY_LABELS, sample.metric() + " has " + labels.size()
                    + " labels; the limit is " + Limits.SAMPLE_LABELS);
        }
        labels.forEach((key, value) -> {
            if (key.length() > Limits.SAMPLE_LABEL_VALUE || value == null || value.length() > Limits.SAMPLE_LABEL_VALUE) {
                throw new FleetException(TelemetryErrorCode.LABEL_TOO_LONG, "label " + key + " of " + sample.metric()
                        + " exceeds " + Limits.SAMPLE_LABEL_VALUE + " characters (or has no value)");
            }
        });
        if (sample.timestamp() == null || sample.timestamp().isAfter(now.plus(config.maxFutureSkew()))
                || sample.timestamp().isBefore(now.minus(config.maxSampleAge()))) {
            throw new FleetException(TelemetryErrorCode.TIMESTAMP_OUT_OF_RANGE, "timestamp " + sample.timestamp()
                    + " of " + sample.metric() + " is more than " + config.maxFutureSkew() + " ahead or "
                    + config.maxSampleAge() + " behind the server's clock");
        }
        return new TelemetryBatch.Sample(sample.metric(), labels, sample.timestamp(), sample.value());
    }
}
