package io.edgefleet.messaging.outbox;

import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.messaging.tracing.EventTracing;
import io.edgefleet.messaging.tracing.TraceContext;
import io.edgefleet.messaging.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Records an event in the caller's transaction. The event reaches Kafka only if that
 * transaction commits, and then for certain ({@link OutboxRelay}): state and event never
 * diverge. Calling it outside a transaction is a programming error and fails. The rows are
 * written as the transaction commits ({@link OutboxRows}), so the events a transaction records
 * cost a batch, not a round trip each.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRows rows;
    private final OutgoingEvents outgoing;
    private final AfterCommit afterCommit;
    private final OutboxRelay relay;
    private final Clock clock;
    private final EventTracing tracing;
    private final Event<OutboxRecorded> recorded;

    Outbox(OutboxRows rows, OutgoingEvents outgoing, AfterCommit afterCommit, OutboxRelay relay,
                  Clock clock, EventTracing tracing, Event<OutboxRecorded> recorded) {
        this.clock = clock;
        this.recorded = recorded;
        this.tracing = tracing;
        this.rows = rows;
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
        UUID id = UUID.randomUUID();
        // The request's trace travels with the row, so the published record continues it.
        TraceContext trace = tracing.current();
        rows.add(new OutboxRows.Row(id, orgId, type.topic(), subject, type.wireName(), OffsetDateTime.now(clock), dataJson,
                trace.traceparent(), trace.tracestate()));
        // Observers run here, in this transaction: the audit trail records the change beside it.
        recorded.fire(new OutboxRecorded(type, orgId, subject, dataJson, id));
        afterCommit.run(relay::wakeUp);
        return id;
    }
}
