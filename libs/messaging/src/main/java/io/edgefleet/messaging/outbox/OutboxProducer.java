package io.edgefleet.messaging.outbox;

import io.edgefleet.messaging.kafka.KafkaClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producer of every event this service publishes itself (outbox relay, direct events, dead
 * letters): idempotent, {@code acks=all}, in order per partition. It is built from the same
 * {@code kafka.*} configuration as the connector's channels (Quarkus' {@code default-kafka-broker}
 * map), so TLS, SASL and every other client setting of a production cluster reach it; only
 * the delivery guarantees and short blocking limits are fixed here, so an unreachable broker
 * fails a relay round quickly instead of stalling it.
 */
@ApplicationScoped
public class OutboxProducer {

    private final Map<String, Object> kafkaConfig;
    private final MeterRegistry registry;
    private volatile Producer<String, byte[]> producer;
    private KafkaClientMetrics metrics;

    public OutboxProducer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry registry) {
        this.kafkaConfig = kafkaConfig;
        this.registry = registry;
    }

    public Producer<String, byte[]> get() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    KafkaProducer<String, byte[]> created = new KafkaProducer<>(settings(kafkaConfig),
                            new StringSerializer(), new ByteArraySerializer());
                    metrics = new KafkaClientMetrics(created);
                    metrics.bindTo(registry);
                    producer = created;
                }
            }
        }
        return producer;
    }

    static Map<String, Object> settings(Map<String, Object> kafkaConfig) {
        Map<String, Object> settings = KafkaClients.settings(kafkaConfig, ProducerConfig.configNames(), "edgefleet-outbox-relay");
        settings.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 12_000);
        return settings;
    }

    @PreDestroy
    void close() {
        if (metrics != null) {
            metrics.close();
        }
        if (producer != null) {
            producer.close();
        }
    }
}
