package io.edgefleet.messaging.consumer;

import io.edgefleet.events.Topics;
import io.edgefleet.messaging.outbox.OutboxProducer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes a dead letter's copy on {@code <topic>.<service>.dlq}: the original key, value and
 * headers plus {@code dead-letter-*} headers. A record too large to publish again with those
 * headers goes without its value ({@code dead-letter-value-omitted} gives its size); one Kafka
 * will not take at all is counted and logged. Either way the row in {@code dead_letter} holds
 * the whole record, so the consumer never stalls on its dead-letter topic.
 */
@ApplicationScoped
public class DeadLetterTopics {

    private static final Logger LOG = Logger.getLogger(DeadLetterTopics.class);
    private static final int ATTEMPTS = 5;

    private final OutboxProducer producer;
    private final String service;
    private final Counter unpublished;

    public DeadLetterTopics(OutboxProducer producer, @ConfigProperty(name = "quarkus.application.name") String service,
                            MeterRegistry registry) {
        this.producer = producer;
        this.service = service;
        this.unpublished = Counter.builder("edgefleet_dead_letters_unpublished")
                .description("Dead letters kept in the database that could not be copied to their dead-letter topic")
                .register(registry);
    }

    String service() {
        return service;
    }

    void publish(String consumer, ConsumerRecord<String, byte[]> record, Map<String, String> deadLetterHeaders) {
        ProducerRecord<String, byte[]> copy = copy(record, record.value(), deadLetterHeaders);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                producer.get().send(copy).get(15, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RecordTooLargeException && copy.value() != null) {
                    copy = copy(record, null, deadLetterHeaders);
                    copy.headers().add("dead-letter-value-omitted", Integer.toString(record.value().length)
                            .getBytes(StandardCharsets.UTF_8));
                    continue;
                }
                LOG.warnf("%s: dead letter not yet on %s (attempt %d): %s", consumer, copy.topic(), attempt, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                LOG.warnf("%s: dead letter not yet on %s (attempt %d): %s", consumer, copy.topic(), attempt, e);
            }
        }
        unpublished.increment();
        LOG.errorf("%s: dead letter of %s-%d@%d kept only in the database", consumer, record.topic(), record.partition(),
                record.offset());
    }

    private ProducerRecord<String, byte[]> copy(ConsumerRecord<String, byte[]> record, byte[] value,
                                                Map<String, String> deadLetterHeaders) {
        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(Topics.deadLetterOf(record.topic(), service),
                record.key(), value);
        record.headers().forEach(h -> copy.headers().add(h));
        deadLetterHeaders.forEach((name, v) -> copy.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        return copy;
    }
}
