package io.edgefleet.messaging.cloudevents;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.edgefleet.core.text.Excerpt;
import io.edgefleet.events.EventType;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Each event type's JSON Schema (libs/event-contracts), loaded once and applied to event data
 * as it arrives: the schemas carry the bounds of core's {@code Limits}, so a record that breaks
 * one is refused at the door of every consumer (and of the agent gateway) exactly as REST
 * refuses the same value.
 */
@Singleton
public class EventSchemas {

    /** The code REST gives a body that breaks a bound: the same for an event that breaks its schema. */
    static final String VALIDATION_FAILED = "VALIDATION_FAILED";

    private final Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);

    public EventSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        for (EventType type : EventType.values()) {
            schemas.put(type, factory.getSchema(EventType.class.getResourceAsStream(type.schemaResource())));
        }
    }

    /** The first violation of {@code type}'s schema by {@code data}, if any: {@code $.report.nodes: must have ...}. */
    public Optional<String> violation(EventType type, JsonNode data) {
        Set<ValidationMessage> problems = schemas.get(type).validate(data);
        return problems.stream().findFirst().map(m -> Excerpt.of(m.getMessage(), 200));
    }

    /** Throws poison when {@code data} breaks {@code type}'s schema. */
    public void require(EventType type, JsonNode data) {
        violation(type, data).ifPresent(problem -> {
            throw new PoisonEventException(VALIDATION_FAILED, type.wireName() + " data violates its schema: " + problem);
        });
    }
}
