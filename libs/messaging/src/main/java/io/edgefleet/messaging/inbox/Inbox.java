package io.edgefleet.messaging.inbox;

import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.cloudevents.CloudEventCodec;
import io.edgefleet.messaging.cloudevents.PoisonEventException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Processes each event at most once per consumer: the event id is recorded in the same
 * transaction as the state change, so a redelivered event is recognised and skipped.
 *
 * <p>Failures are handled by {@link ConsumerRetries}: poison is dead-lettered at once, other
 * failures retried with backoff and dead-lettered (kept for replay) only after
 * {@link InboxConfig#maxAttempts()}.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;
    private final CloudEventCodec codec;
    private final InboxConfig config;
    private final ConsumerRetries retries;

    public Inbox(EntityManager entityManager, CloudEventCodec codec, InboxConfig config, ConsumerRetries retries) {
        this.entityManager = entityManager;
        this.codec = codec;
        this.config = config;
        this.retries = retries;
    }

    /** Decodes {@code record} and applies it with {@code handler} unless {@code consumer} already did. */
    public void process(String consumer, ConsumerRecord<String, String> record, EventHandler handler) {
        CloudEvent event;
        try {
            event = codec.decode(record);
        } catch (PoisonEventException e) {
            retries.deadLettered(consumer);
            throw e;
        }
        retries.run(consumer, event.id(), () -> QuarkusTransaction.requiringNew()
                .call(() -> applyOnce(consumer, event, handler)) ? "processed" : "duplicate");
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
}
