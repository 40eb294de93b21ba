package io.edgefleet.messaging.outbox;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The relay's Kafka producer: idempotent, {@code acks=all}, in order per partition. Short
 * blocking limits so an unreachable broker fails a relay round quickly instead of stalling it.
 */
@ApplicationScoped
public class OutboxProducer {

    private final String bootstrapServers;
    private volatile Producer<String, String> producer;

    public OutboxProducer(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    Producer<String, String> get() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(settings(), new StringSerializer(), new StringSerializer());
                }
            }
        }
        return producer;
    }

    private Map<String, Object> settings() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 12_000,
                ProducerConfig.CLIENT_ID_CONFIG, "edgefleet-outbox-relay");
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
