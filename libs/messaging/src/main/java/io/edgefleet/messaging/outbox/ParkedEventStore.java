package io.edgefleet.messaging.outbox;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.messaging.tx.AfterCommit;
import io.edgefleet.messaging.tx.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Parked outbox events of the caller's organization, for an admin: list, inspect, and replay
 * (the event goes back into the outbox with its id, so consumers that already have it skip it).
 */
@ApplicationScoped
public class ParkedEventStore {

    private static final String COLUMNS = "id, org_id, topic, event_key, type, subject, occurred_at, data, error, parked_at, "
            + "replayed_at, replayed_by";

    private final EntityManager entityManager;
    private final AfterCommit afterCommit;
    private final OutboxRelay relay;
    private final Clock clock;

    public ParkedEventStore(EntityManager entityManager, AfterCommit afterCommit, OutboxRelay relay, Clock clock) {
        this.entityManager = entityManager;
        this.afterCommit = afterCommit;
        this.relay = relay;
        this.clock = clock;
    }

    /** A parked event as stored. */
    public record ParkedEvent(UUID id, String orgId, String topic, String key, String type, String subject,
                              OffsetDateTime occurredAt, String data, String error, OffsetDateTime parkedAt,
                              OffsetDateTime replayedAt, String replayedBy) {
    }

    /** Newest first; {@code after} is the id of the previous page's last item, or null. */
    @Transactional
    public List<ParkedEvent> page(String org, UUID after, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM parked_event WHERE org_id = :org"
                + (after == null ? "" : " AND (parked_at, id) < (SELECT parked_at, id FROM parked_event WHERE id = :after)")
                + " ORDER BY parked_at DESC, id DESC LIMIT :limit";
        var query = entityManager.createNativeQuery(sql).setParameter("org", org).setParameter("limit", limit);
        if (after != null) {
            query.setParameter("after", after);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(ParkedEventStore::row).toList();
    }

    @Transactional
    public Optional<ParkedEvent> find(String org, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT " + COLUMNS
                        + " FROM parked_event WHERE id = :id AND org_id = :org")
                .setParameter("id", id).setParameter("org", org).getResultList();
        return rows.stream().findFirst().map(ParkedEventStore::row);
    }

    /** Puts the event back into the outbox; 409 if it is waiting there already. */
    @Transactional
    public ParkedEvent replay(String org, UUID id, String actor) {
        find(org, id).orElseThrow(() -> new FleetException(CommonErrorCode.NOT_FOUND, "no parked event " + id));
        int queued = entityManager.createNativeQuery("INSERT INTO outbox_event (id, org_id, topic, event_key, type, subject, "
                        + "occurred_at, data) SELECT id, org_id, topic, event_key, type, subject, occurred_at, data "
                        + "FROM parked_event WHERE id = :id ON CONFLICT (id) DO NOTHING")
                .setParameter("id", id).executeUpdate();
        if (queued == 0) {
            throw new FleetException(CommonErrorCode.CONFLICT, "event " + id + " is already waiting in the outbox");
        }
        entityManager.createNativeQuery("UPDATE parked_event SET replayed_at = :at, replayed_by = :by WHERE id = :id")
                .setParameter("at", OffsetDateTime.now(clock)).setParameter("by", actor).setParameter("id", id).executeUpdate();
        afterCommit.run(relay::wakeUp);
        return find(org, id).orElseThrow();
    }

    private static ParkedEvent row(Object[] r) {
        return new ParkedEvent((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                SqlValues.offsetDateTime(r[6]), (String) r[7], (String) r[8], SqlValues.offsetDateTime(r[9]),
                SqlValues.offsetDateTime(r[10]), (String) r[11]);
    }
}
