package io.edgefleet.messaging.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Lets each event be applied at most once per consumer: the event id is recorded in the same
 * transaction as the state change, so a redelivered event is recognised and skipped. Used by
 * {@link io.edgefleet.messaging.consumer.EventConsumer} for routes declared {@code inbox}.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;
    private final InboxConfig config;
    private final Clock clock;

    public Inbox(EntityManager entityManager, InboxConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Records that {@code consumer} applies {@code eventId} in the caller's transaction; false if
     * it already did (a redelivery, to be skipped). The state change must follow in the same
     * transaction, so the two commit or roll back together.
     */
    public boolean claim(String consumer, String eventId) {
        return entityManager.createNativeQuery(
                        "INSERT INTO inbox_event (consumer, event_id) VALUES (:consumer, :id) ON CONFLICT DO NOTHING")
                .setParameter("consumer", consumer)
                .setParameter("id", eventId)
                .executeUpdate() == 1;
    }

    @Scheduled(every = "1h", delayed = "1m")
    void forgetOldEventIds() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(config.retention());
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM inbox_event WHERE processed_at < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate());
    }
}
