package io.edgefleet.messaging.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An event waiting in the outbox to be published; deleted once Kafka has it. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(nullable = false, updatable = false)
    public UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    public String orgId;

    @Column(nullable = false, updatable = false)
    public String topic;

    @Column(name = "event_key", nullable = false, updatable = false)
    public String eventKey;

    @Column(nullable = false, updatable = false)
    public String type;

    @Column(nullable = false, updatable = false)
    public String subject;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public OffsetDateTime occurredAt;

    /** W3C trace context of the work that recorded the event (CloudEvents distributed tracing); may be null. */
    @Column(updatable = false)
    public String traceparent;

    @Column(updatable = false)
    public String tracestate;

    /** The JSON data; null for a tombstone on a compacted topic. */
    @Column(updatable = false)
    public String data;
}
