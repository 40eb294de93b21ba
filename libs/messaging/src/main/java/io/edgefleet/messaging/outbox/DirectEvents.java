package io.edgefleet.messaging.outbox;

import io.edgefleet.events.EventType;
import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.cloudevents.CloudEventCodec;
import io.edgefleet.messaging.tracing.EventTracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes events that record no state change of this service (agent heartbeats and reports
 * passing through the gateway) straight to Kafka: with nothing to commit, there is no dual
 * write to avoid, and a database write per heartbeat is what the outbox would cost. Events
 * that accompany a state change always go through {@link Outbox}.
 */
@ApplicationScoped
public class DirectEvents {

    private final OutboxProducer producer;
    private final CloudEventCodec codec;
    private final OutboxConfig config;
    private final MeterRegistry registry;
    private final Clock clock;
    private final OutgoingEvents outgoing;
    private final EventTracing tracing;

    public DirectEvents(OutboxProducer producer, CloudEventCodec codec, OutboxConfig config, MeterRegistry registry,
                        Clock clock, OutgoingEvents outgoing, EventTracing tracing) {
        this.outgoing = outgoing;
        this.tracing = tracing;
        this.clock = clock;
        this.producer = producer;
        this.codec = codec;
        this.config = config;
        this.registry = registry;
    }

    /** Completes when Kafka acknowledged the event (acks=all), exceptionally if it did not. */
    public CompletableFuture<Void> publish(EventType type, String orgId, String subject, Object data) {
        // What a device sends passes through here: refused at the door (422 naming the bound) rather
        // than published for every consumer to dead-letter.
        String dataJson = outgoing.dataJson(type, data);
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), config.source(), type.wireName(), subject,
                OffsetDateTime.now(clock), orgId, dataJson);
        CompletableFuture<Void> acked = new CompletableFuture<>();
        ProducerRecord<String, byte[]> record = codec.encode(type.topic(), subject, event);
        EventTracing.write(record.headers(), tracing.current());
        producer.get().send(record, (metadata, error) -> {
            Counter.builder("edgefleet_direct_events").description("Events published directly (stateless facts)")
                    .tags("type", type.wireName(), "outcome", error == null ? "published" : "failed").register(registry).increment();
            if (error == null) {
                acked.complete(null);
            } else {
                acked.completeExceptionally(error);
            }
        });
        return acked;
    }

}
