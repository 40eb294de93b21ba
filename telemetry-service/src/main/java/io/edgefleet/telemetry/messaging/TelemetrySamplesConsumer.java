package io.edgefleet.telemetry.messaging;

import io.edgefleet.events.EventType;
import io.edgefleet.events.telemetry.TelemetryBatch;
import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.cloudevents.PoisonEventException;
import io.edgefleet.messaging.consumer.EventConsumer;
import io.edgefleet.messaging.consumer.EventRoutes;
import io.edgefleet.messaging.tx.AfterCommit;
import io.edgefleet.telemetry.metrics.FleetMetrics;
import io.edgefleet.telemetry.storage.SampleStore;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code fleet.telemetry.samples} → PostgreSQL. No inbox: samples carry their own natural key
 * (batch id, index, time), so a redelivered batch inserts nothing.
 */
@ApplicationScoped
public class TelemetrySamplesConsumer {

    static final String CONSUMER = "telemetry-service/samples";

    private final EventConsumer consumer;
    private final SampleStore store;
    private final FleetMetrics metrics;
    private final AfterCommit afterCommit;
    private final EventRoutes routes;

    public TelemetrySamplesConsumer(EventConsumer consumer, SampleStore store, FleetMetrics metrics, AfterCommit afterCommit) {
        this.consumer = consumer;
        this.store = store;
        this.metrics = metrics;
        this.afterCommit = afterCommit;
        this.routes = consumer.register(EventRoutes.consumer(CONSUMER)
                .idempotent(EventType.TELEMETRY_BATCH, TelemetryBatch.class, this::store)
                .build());
    }

    @Incoming("telemetry-samples")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        consumer.consume(routes, record);
    }

    private void store(CloudEvent event, TelemetryBatch batch) {
        if (batch.batchId() == null || batch.deviceId() == null || batch.samples() == null) {
            throw new PoisonEventException("telemetry batch lacks batchId, deviceId or samples");
        }
        int fresh = store.store(List.of(new SampleStore.OwnedBatch(event.requireOrg(), batch)));
        afterCommit.run(() -> metrics.stored(fresh, batch.receivedAt()));
    }
}
