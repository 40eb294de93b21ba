package io.edgefleet.messaging.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.edgefleet.core.error.FieldError;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.events.commands.CommandType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The payload schemas of the event contracts ({@code schemas/commands/<type>.json}), the one
 * definition of what each command accepts: provisioning holds every request to them, and the
 * services that send commands (policy remediations, update rollouts) check theirs before they
 * store them, so no request they send is dead-lettered unanswered.
 */
@ApplicationScoped
public class CommandPayloadSchemas {

    private final Map<CommandType, JsonSchema> schemas = new EnumMap<>(CommandType.class);

    public CommandPayloadSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        for (CommandType type : CommandType.values()) {
            schemas.put(type, factory.getSchema(CommandType.class.getResourceAsStream(type.payloadSchemaResource())));
        }
    }

    /**
     * What is wrong with {@code payload} for {@code type}, each naming its field under {@code field}
     * (e.g. {@code payload.manifests}); empty when it is valid. A payload that is no object is wrong.
     */
    public List<FieldError> problems(CommandType type, JsonNode payload, String field) {
        if (payload == null || !payload.isObject()) {
            return List.of(new FieldError(field, "must be an object"));
        }
        return schemas.get(type).validate(payload).stream().limit(Limits.POLICY_REASONS)
                .map(m -> new FieldError(field + m.getInstanceLocation().toString().substring(1).replace('/', '.'), m.getMessage()))
                .toList();
    }

    /** The wire names of every command type, for messages. */
    public static List<String> typeNames() {
        return List.of(CommandType.values()).stream().map(CommandType::wireName).toList();
    }
}
