package io.edgefleet.messaging.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.events.EventType;
import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.cloudevents.CloudEventCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

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
    private final ObjectMapper json;
    private final OutboxConfig config;
    private final MeterRegistry registry;
    private final Clock clock;

    public DirectEvents(OutboxProducer producer, CloudEventCodec codec, ObjectMapper json, OutboxConfig config,
                        MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.producer = producer;
        this.codec = codec;
        this.json = json;
        this.config = config;
        this.registry = registry;
    }

    /** Completes when Kafka acknowledged the event (acks=all), exceptionally if it did not. */
    public CompletableFuture<Void> publish(EventType type, String orgId, String subject, Object data) {
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), config.source(), type.wireName(), subject,
                OffsetDateTime.now(clock), orgId, EventSize.bounded(type, toJson(data)));
        CompletableFuture<Void> acked = new CompletableFuture<>();
        producer.get().send(codec.encode(type.topic(), subject, event), (metadata, error) -> {
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

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
