package io.edgefleet.messaging.outbox;

import io.edgefleet.core.text.Excerpt;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/**
 * Moves an outbox row Kafka refuses for good into {@code parked_event}, with the error, in the
 * relay's transaction: the event is kept (an admin can inspect and replay it) and the relay goes
 * on with the rows behind it.
 */
@ApplicationScoped
public class ParkedEvents {

    private static final Logger LOG = Logger.getLogger(ParkedEvents.class);
    private static final int MAX_ERROR = 1_000;

    private final EntityManager entityManager;
    private final Clock clock;
    private final Counter parked;

    public ParkedEvents(EntityManager entityManager, Clock clock, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.parked = Counter.builder("edgefleet_outbox_parked")
                .description("Outbox events Kafka refused for good, moved to parked_event").register(registry);
    }

    void park(long seq, Throwable error) {
        String bounded = Excerpt.of(String.valueOf(error), MAX_ERROR);
        entityManager.createNativeQuery("INSERT INTO parked_event (id, org_id, topic, event_key, type, subject, "
                        + "occurred_at, data, error, parked_at) SELECT id, org_id, topic, event_key, type, subject, "
                        + "occurred_at, data, :error, :at FROM outbox_event WHERE seq = :seq ON CONFLICT (id) DO UPDATE "
                        + "SET error = EXCLUDED.error, parked_at = EXCLUDED.parked_at, replayed_at = NULL, replayed_by = NULL")
                .setParameter("error", bounded)
                .setParameter("at", OffsetDateTime.now(clock))
                .setParameter("seq", seq)
                .executeUpdate();
        parked.increment();
        LOG.errorf("outbox event (seq %d) parked, Kafka refuses it for good: %s", seq, bounded);
    }
}
