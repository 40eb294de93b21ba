package io.edgefleet.telemetry.messaging;

import io.edgefleet.events.EventType;
import io.edgefleet.events.telemetry.TelemetryBatch;
import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.cloudevents.CloudEventCodec;
import io.edgefleet.messaging.cloudevents.PoisonEventException;
import io.edgefleet.messaging.inbox.ConsumerRetries;
import io.edgefleet.telemetry.metrics.FleetMetrics;
import io.edgefleet.telemetry.storage.SampleStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code fleet.telemetry.samples} → PostgreSQL. No inbox: samples carry their own natural key
 * (batch id, index, time), so a redelivered batch inserts nothing. Undecodable records are
 * dead-lettered; a database failure is retried with backoff ({@link ConsumerRetries}) and only
 * dead-lettered, kept for replay, if it persists.
 */
@ApplicationScoped
public class TelemetrySamplesConsumer {

    private final CloudEventCodec codec;
    private final SampleStore store;
    static final String CONSUMER = "telemetry-service/samples";

    private final FleetMetrics metrics;
    private final ConsumerRetries retries;

    public TelemetrySamplesConsumer(CloudEventCodec codec, SampleStore store, FleetMetrics metrics, ConsumerRetries retries) {
        this.codec = codec;
        this.store = store;
        this.metrics = metrics;
        this.retries = retries;
    }

    @Incoming("telemetry-samples")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        CloudEvent event = codec.decode(record);
        if (!EventType.TELEMETRY_BATCH.wireName().equals(event.type())) {
            return;
        }
        TelemetryBatch batch = codec.data(event, TelemetryBatch.class);
        if (event.orgId() == null || batch.batchId() == null || batch.deviceId() == null || batch.samples() == null) {
            throw new PoisonEventException("telemetry batch lacks orgid, batchId, deviceId or samples");
        }
        retries.run(CONSUMER, event.id(), () -> {
            int fresh = QuarkusTransaction.requiringNew().call(() -> store.store(List.of(new SampleStore.OwnedBatch(event.orgId(), batch))));
            metrics.stored(fresh, batch.receivedAt());
            return fresh > 0 ? "processed" : "duplicate";
        });
    }
}
