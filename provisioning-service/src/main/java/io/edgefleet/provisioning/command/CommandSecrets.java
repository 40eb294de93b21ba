package io.edgefleet.provisioning.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.events.commands.CommandType;
import io.edgefleet.secrets.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Payload fields a command's schema marks {@code writeOnly} are secrets: sealed (envelope
 * encryption) before the command is stored, as {@code {"$sealed": "..."}}; opened only for the
 * device the command is for; left out of every read. Events never carry payloads.
 */
@ApplicationScoped
public class CommandSecrets {

    static final String SEALED = "$sealed";

    private final Secrets secrets;
    private final ObjectMapper json;
    private final Map<CommandType, Set<String>> secretFields = new EnumMap<>(CommandType.class);

    public CommandSecrets(Secrets secrets, ObjectMapper json) {
        this.secrets = secrets;
        this.json = json;
        for (CommandType type : CommandType.values()) {
            secretFields.put(type, writeOnlyFields(type));
        }
    }

    /** The payload to store: every secret field sealed. */
    public JsonNode seal(CommandType type, JsonNode payload) {
        ObjectNode stored = payload.deepCopy();
        for (String field : secretFields.get(type)) {
            if (stored.has(field)) {
                String sealed = secrets.seal(stored.get(field).toString());
                stored.putObject(field).put(SEALED, sealed);
            }
        }
        return stored;
    }

    /** The payload without its secret fields: what policy rules judge and may show in a reason. */
    public JsonNode withoutSecrets(CommandType type, JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            return payload;
        }
        return ((ObjectNode) payload.deepCopy()).without(secretFields.get(type));
    }

    /** The payload as the device gets it: every sealed field opened. */
    public JsonNode open(JsonNode stored) {
        if (stored == null || !stored.isObject()) {
            return stored;
        }
        ObjectNode opened = stored.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> fields = stored.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (isSealed(field.getValue())) {
                opened.set(field.getKey(), read(secrets.openText(field.getValue().get(SEALED).asText())));
            }
        }
        return opened;
    }

    /** The payload as every read shows it: without its secrets. */
    public static JsonNode redacted(JsonNode stored) {
        if (stored == null || !stored.isObject()) {
            return stored;
        }
        ObjectNode shown = stored.deepCopy();
        stored.fields().forEachRemaining(field -> {
            if (isSealed(field.getValue())) {
                shown.remove(field.getKey());
            }
        });
        return shown;
    }

    private static boolean isSealed(JsonNode value) {
        return value.isObject() && value.size() == 1 && value.path(SEALED).isTextual();
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a sealed command field is not JSON", e);
        }
    }

    private Set<String> writeOnlyFields(CommandType type) {
        try (InputStream in = CommandType.class.getResourceAsStream(type.payloadSchemaResource())) {
            Set<String> fields = new TreeSet<>();
            json.readTree(in).path("properties").fields().forEachRemaining(p -> {
                if (p.getValue().path("writeOnly").asBoolean(false)) {
                    fields.add(p.getKey());
                }
            });
            return fields;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
