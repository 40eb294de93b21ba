package io.edgefleet.messaging.outbox;

import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.messaging.tracing.EventTracing;
import io.edgefleet.messaging.tracing.TraceContext;
import io.edgefleet.messaging.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Records an event in the caller's transaction. The event reaches Kafka only if that
 * transaction commits, and then for certain ({@link OutboxRelay}): state and event never
 * diverge. Calling it outside a transaction is a programming error and fails.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final OutgoingEvents outgoing;
    private final AfterCommit afterCommit;
    private final OutboxRelay relay;
    private final Clock clock;
    private final EventTracing tracing;
    private final Event<OutboxRecorded> recorded;

    public Outbox(EntityManager entityManager, OutgoingEvents outgoing, AfterCommit afterCommit, OutboxRelay relay,
                  Clock clock, EventTracing tracing, Event<OutboxRecorded> recorded) {
        this.clock = clock;
        this.recorded = recorded;
        this.tracing = tracing;
        this.entityManager = entityManager;
        this.outgoing = outgoing;
        this.afterCommit = afterCommit;
        this.relay = relay;
    }

    /**
     * @param type the event type, which fixes the topic
     * @param orgId organization owning the subject
     * @param subject device or cluster id: CloudEvent subject and Kafka key
     * @param data the event data record
     * @return the CloudEvent id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(EventType type, String orgId, String subject, Object data) {
        return persist(type, orgId, subject, outgoing.dataJson(type, data));
    }

    /**
     * Records a tombstone (a null value with the event's headers) for {@code subject} on a
     * compacted topic: once compacted, the subject's state is gone from it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID recordTombstone(EventType type, String orgId, String subject) {
        if (!Topics.COMPACTED.contains(type.topic())) {
            throw new IllegalArgumentException(type + " is not on a compacted topic: a tombstone there deletes nothing");
        }
        return persist(type, orgId, subject, null);
    }

    private UUID persist(EventType type, String orgId, String subject, String dataJson) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.orgId = orgId;
        event.topic = type.topic();
        event.eventKey = subject;
        event.type = type.wireName();
        event.subject = subject;
        event.occurredAt = OffsetDateTime.now(clock);
        event.data = dataJson;
        // The request's trace travels with the row, so the published record continues it.
        TraceContext trace = tracing.current();
        event.traceparent = trace.traceparent();
        event.tracestate = trace.tracestate();
        entityManager.persist(event);
        // Observers run here, in this transaction: the audit trail records the change beside it.
        recorded.fire(new OutboxRecorded(type, orgId, subject, dataJson, event.id));
        afterCommit.run(relay::wakeUp);
        return event.id;
    }
}
