package io.edgefleet.messaging.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.core.text.Excerpt;
import io.edgefleet.events.CloudEventAttributes;
import io.edgefleet.messaging.inbox.ConsumerRetries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * Keeps what a consumer could not apply: a row in this service's {@code dead_letter} table (the
 * record byte for byte, with code and reason, for an admin to inspect and replay) and a copy on
 * the consumer's dead-letter topic {@code <topic>.<service>.dlq} for other systems.
 *
 * <p>The row comes first and is idempotent on (consumer, topic, partition, offset); the record's
 * offset is committed only after both, so a crash in between repeats both and loses neither.
 * While the database is away the row is retried without end: the consumer could not apply
 * anything meanwhile, and moving on would lose the record.
 */
@ApplicationScoped
public class DeadLetters {

    /** Code of a record whose processing kept failing for a reason other than its content. */
    public static final String RETRIES_EXHAUSTED = "RETRIES_EXHAUSTED";
    static final int MAX_REASON = 1_000;
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final EntityManager entityManager;
    private final DeadLetterTopics topics;
    private final ConsumerRetries retries;
    private final ObjectMapper json;
    private final Clock clock;

    public DeadLetters(EntityManager entityManager, DeadLetterTopics topics, ConsumerRetries retries, ObjectMapper json,
                       Clock clock) {
        this.entityManager = entityManager;
        this.topics = topics;
        this.retries = retries;
        this.json = json;
        this.clock = clock;
    }

    public void record(String consumer, ConsumerRecord<String, byte[]> record, String code, String reason) {
        String bounded = reason == null ? code : Excerpt.of(reason, MAX_REASON);
        LOG.warnf("%s: dead-lettering %s-%d@%d: %s %s", consumer, record.topic(), record.partition(), record.offset(),
                code, bounded);
        UUID id = UUID.randomUUID();
        retries.untilDone(consumer, () -> QuarkusTransaction.requiringNew().run(() -> insert(id, consumer, record, code, bounded)));
        topics.publish(consumer, record, Map.of(
                "dead-letter-id", id.toString(),
                "dead-letter-code", code,
                "dead-letter-reason", bounded,
                "dead-letter-consumer", consumer,
                "dead-letter-topic", record.topic(),
                "dead-letter-partition", Integer.toString(record.partition()),
                "dead-letter-offset", Long.toString(record.offset())));
        retries.count(consumer, "dead_lettered");
    }

    private void insert(UUID id, String consumer, ConsumerRecord<String, byte[]> record, String code, String reason) {
        entityManager.createNativeQuery("INSERT INTO dead_letter (id, consumer, topic, record_partition, record_offset, "
                        + "org_id, record_key, record_value, headers, error_code, reason, dead_lettered_at) "
                        + "VALUES (:id, :consumer, :topic, :partition, :offset, :org, :key, :value, CAST(:headers AS jsonb), "
                        + ":code, :reason, :at) ON CONFLICT (consumer, topic, record_partition, record_offset) DO NOTHING")
                .setParameter("id", id)
                .setParameter("consumer", consumer)
                .setParameter("topic", record.topic())
                .setParameter("partition", record.partition())
                .setParameter("offset", record.offset())
                .setParameter("org", orgOf(record))
                .setParameter("key", textWithoutNul(record.key()))
                .setParameter("value", record.value())
                .setParameter("headers", headersJson(record))
                .setParameter("code", code)
                .setParameter("reason", textWithoutNul(reason))
                .setParameter("at", OffsetDateTime.now(clock))
                .executeUpdate();
    }

    private String headersJson(ConsumerRecord<String, byte[]> record) {
        List<Map<String, String>> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(Map.of("name", textWithoutNul(header.key()),
                    "value", header.value() == null ? "" : Base64.getEncoder().encodeToString(header.value())));
        }
        try {
            return json.writeValueAsString(headers);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String orgOf(ConsumerRecord<String, byte[]> record) {
        Header org = record.headers().lastHeader(CloudEventAttributes.ORG);
        if (org == null || org.value() == null || org.value().length > 128) {
            return null;
        }
        return textWithoutNul(new String(org.value(), StandardCharsets.UTF_8));
    }

    /** PostgreSQL text cannot hold NUL; a record's key or header name may. */
    private static String textWithoutNul(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }
}
