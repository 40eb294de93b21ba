package io.edgefleet.messaging.inbox;

import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.cloudevents.CloudEventCodec;
import io.edgefleet.messaging.cloudevents.PoisonEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Processes each event at most once per consumer: the event id is recorded in the same
 * transaction as the state change, so a redelivered event is recognised and skipped.
 *
 * <p>Poison events are rethrown at once; the channel's dead-letter strategy moves them to
 * {@code <topic>.dlq} and consumption goes on. Other failures are retried with backoff and
 * dead-lettered (kept for replay, never dropped) only after {@link InboxConfig#maxAttempts()}.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EntityManager entityManager;
    private final CloudEventCodec codec;
    private final InboxConfig config;
    private final MeterRegistry registry;

    public Inbox(EntityManager entityManager, CloudEventCodec codec, InboxConfig config, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.codec = codec;
        this.config = config;
        this.registry = registry;
    }

    /** Decodes {@code record} and applies it with {@code handler} unless {@code consumer} already did. */
    public void process(String consumer, ConsumerRecord<String, String> record, EventHandler handler) {
        CloudEvent event;
        try {
            event = codec.decode(record);
        } catch (PoisonEventException e) {
            count(consumer, "dead_lettered");
            throw e;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> applyOnce(consumer, event, handler));
                count(consumer, applied ? "processed" : "duplicate");
                return;
            } catch (PoisonEventException e) {
                count(consumer, "dead_lettered");
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= config.maxAttempts()) {
                    count(consumer, "dead_lettered");
                    throw e;
                }
                LOG.warnf("%s: event %s failed (attempt %d), retrying: %s", consumer, event.id(), attempt, e.getMessage());
                backoff(attempt);
            }
        }
    }

    private boolean applyOnce(String consumer, CloudEvent event, EventHandler handler) {
        int inserted = entityManager.createNativeQuery(
                        "INSERT INTO inbox_event (consumer, event_id) VALUES (:consumer, :id) ON CONFLICT DO NOTHING")
                .setParameter("consumer", consumer)
                .setParameter("id", event.id())
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        handler.handle(event);
        return true;
    }

    @Scheduled(every = "1h", delayed = "1m")
    void forgetOldEventIds() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention());
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM inbox_event WHERE processed_at < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate());
    }

    private void backoff(int attempt) {
        long delay = Math.min(config.maxBackoff().toMillis(), config.initialBackoff().toMillis() << Math.min(attempt - 1, 20));
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying an event", e);
        }
    }

    private void count(String consumer, String outcome) {
        Counter.builder("edgefleet_events_consumed").description("Events consumed, by consumer and outcome")
                .tags("consumer", consumer, "outcome", outcome).register(registry).increment();
    }
}
