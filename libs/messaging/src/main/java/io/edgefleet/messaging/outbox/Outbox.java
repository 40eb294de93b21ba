package io.edgefleet.messaging.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Records an event in the caller's transaction. The event reaches Kafka only if that
 * transaction commits, and then for certain ({@link OutboxRelay}): state and event never
 * diverge. Calling it outside a transaction is a programming error and fails.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public Outbox(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
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
        if (!type.dataType().isInstance(data)) {
            throw new IllegalArgumentException(type + " carries " + type.dataType().getSimpleName());
        }
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("INSERT INTO outbox_event (id, org_id, topic, event_key, type, subject, "
                        + "occurred_at, data) VALUES (:id, :org, :topic, :key, :type, :subject, :at, :data)")
                .setParameter("id", id)
                .setParameter("org", orgId)
                .setParameter("topic", type.topic())
                .setParameter("key", subject)
                .setParameter("type", type.wireName())
                .setParameter("subject", subject)
                .setParameter("at", OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter("data", toJson(data))
                .executeUpdate();
        return id;
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be serialized", e);
        }
    }
}
