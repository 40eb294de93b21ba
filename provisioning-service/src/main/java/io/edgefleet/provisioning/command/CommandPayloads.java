package io.edgefleet.provisioning.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.edgefleet.core.error.FieldError;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.events.commands.CommandType;
import io.edgefleet.provisioning.service.ProvisioningErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates command payloads against the JSON Schemas in the event contracts, the same
 * schemas other systems read: one definition of what each command accepts.
 */
@ApplicationScoped
public class CommandPayloads {

    private final Map<CommandType, JsonSchema> schemas = new EnumMap<>(CommandType.class);

    public CommandPayloads() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        for (CommandType type : CommandType.values()) {
            schemas.put(type, factory.getSchema(CommandType.class.getResourceAsStream(type.payloadSchemaResource())));
        }
    }

    public CommandType type(String wireName) {
        return CommandType.fromWireName(wireName).orElseThrow(() -> new FleetException(
                ProvisioningErrorCode.UNKNOWN_COMMAND_TYPE, "type must be one of " + List.of(CommandType.values())
                .stream().map(CommandType::wireName).toList()));
    }

    public void validate(CommandType type, JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw new FleetException(ProvisioningErrorCode.INVALID_COMMAND_PAYLOAD, "payload must be a JSON object",
                    List.of(new FieldError("payload", "must be an object")));
        }
        Set<ValidationMessage> problems = schemas.get(type).validate(payload);
        if (!problems.isEmpty()) {
            List<FieldError> errors = problems.stream()
                    .map(m -> new FieldError("payload" + m.getInstanceLocation().toString().substring(1)
                            .replace('/', '.'), m.getMessage())).toList();
            throw new FleetException(ProvisioningErrorCode.INVALID_COMMAND_PAYLOAD,
                    type.wireName() + " payload is invalid: " + errors.get(0).message(), errors);
        }
    }
}
