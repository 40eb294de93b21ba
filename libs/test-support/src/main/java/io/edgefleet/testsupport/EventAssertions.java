package io.edgefleet.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.edgefleet.events.EventType;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Asserts the events a call emitted: envelope, key and data against the type's JSON Schema. */
public final class EventAssertions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventAssertions() {
    }

    /**
     * Waits for the event of {@code type} about {@code subject} on the type's topic, checks it is a
     * valid CloudEvent keyed by the subject whose data matches the schema, and returns its data.
     */
    public static JsonNode awaitEvent(EventType type, String subject, String expectedOrg) {
        ConsumerRecord<String, String> record = KafkaTestClient.awaitRecords(type.topic(), 1, Duration.ofSeconds(60),
                r -> subject.equals(r.key()) && type.wireName().equals(KafkaTestClient.header(r, "ce_type"))).get(0);
        assertEquals("1.0", KafkaTestClient.header(record, "ce_specversion"));
        assertEquals(subject, KafkaTestClient.header(record, "ce_subject"));
        assertEquals(expectedOrg, KafkaTestClient.header(record, "ce_orgid"));
        return assertMatchesSchema(type, record.value());
    }

    public static JsonNode assertMatchesSchema(EventType type, String dataJson) {
        try {
            JsonNode data = JSON.readTree(dataJson);
            Set<String> problems = schema(type).validate(data).stream().map(Object::toString).collect(Collectors.toSet());
            assertEquals(Set.of(), problems, type.wireName() + " data: " + dataJson);
            return data;
        } catch (java.io.IOException e) {
            throw new AssertionError("event data is not JSON: " + dataJson, e);
        }
    }

    private static JsonSchema schema(EventType type) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(EventType.class.getResourceAsStream(type.schemaResource()));
    }
}
