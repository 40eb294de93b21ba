package io.edgefleet.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The audit events a service under test published on {@code fleet.audit.events}, each checked against its schema. */
public final class AuditEvents {

    private AuditEvents() {
    }

    /** At least {@code count} audit events about {@code resourceId} (their key), oldest first. */
    public static List<JsonNode> about(String resourceId, int count) {
        return matching(r -> resourceId.equals(r.key()), count).stream().map(ConsumerRecord::value)
                .map(value -> EventAssertions.assertMatchesSchema(EventType.AUDIT_RECORDED, value)).toList();
    }

    /** At least {@code count} audit records matching {@code filter}, within a minute. */
    public static List<ConsumerRecord<String, String>> matching(Predicate<ConsumerRecord<String, String>> filter, int count) {
        return KafkaTestClient.awaitRecords(Topics.AUDIT_EVENTS, count, Duration.ofSeconds(60),
                r -> r.value() != null && filter.test(r));
    }

    /** The first event whose {@code action} is {@code action}. */
    public static JsonNode withAction(List<JsonNode> events, String action) {
        return events.stream().filter(e -> action.equals(e.path("action").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " among " + events));
    }
}
