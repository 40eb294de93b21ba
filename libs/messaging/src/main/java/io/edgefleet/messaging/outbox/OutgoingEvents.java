package io.edgefleet.messaging.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.events.EventType;
import io.edgefleet.messaging.cloudevents.EventSchemas;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;

/**
 * The last check before an event is written, for the outbox and direct events alike: its data
 * must match its type's JSON Schema (with every bound of core's Limits) and fit
 * {@link Limits#EVENT_DATA_BYTES}. A request that would produce anything else is refused (422 or
 * 413, rolling back the change the event would announce) instead of being stored and then
 * refused by Kafka or dead-lettered by every consumer.
 */
@ApplicationScoped
public class OutgoingEvents {

    private final ObjectMapper json;
    private final EventSchemas schemas;

    public OutgoingEvents(ObjectMapper json, EventSchemas schemas) {
        this.json = json;
        this.schemas = schemas;
    }

    /** {@code data} as the JSON to publish, once it passed both checks. */
    String dataJson(EventType type, Object data) {
        if (!type.dataType().isInstance(data)) {
            throw new IllegalArgumentException(type + " carries " + type.dataType().getSimpleName());
        }
        JsonNode tree = json.valueToTree(data);
        schemas.violation(type, tree).ifPresent(problem -> {
            throw FleetException.unprocessable(type.wireName(), problem);
        });
        String dataJson = text(tree);
        int bytes = dataJson.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > Limits.EVENT_DATA_BYTES) {
            throw new FleetException(CommonErrorCode.BODY_TOO_LARGE, "the change would publish a " + type.wireName()
                    + " event of " + bytes + " bytes; events are limited to " + Limits.EVENT_DATA_BYTES);
        }
        return dataJson;
    }

    private String text(JsonNode tree) {
        try {
            return json.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be serialized", e);
        }
    }
}
