package io.edgefleet.messaging.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;
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

    /**
     * {@link #claim} for many events in one statement: the ids of {@code eventIds} not applied
     * before, each claimed once (an id the list holds twice is claimed for its first occurrence).
     */
    public Set<String> claimAll(String consumer, List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO inbox_event (consumer, event_id) "
                    + "SELECT ?, id FROM unnest(?::text[]) AS id ON CONFLICT DO NOTHING RETURNING event_id")) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("text", eventIds.toArray()));
                Set<String> claimed = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(rows.getString(1));
                    }
                }
                return claimed;
            }
        });
    }

    @Scheduled(every = "1h", delayed = "1m")
    void forgetOldEventIds() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(config.retention());
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM inbox_event WHERE processed_at < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate());
    }
}
