package io.edgefleet.provisioning.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.core.error.FieldError;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.events.commands.CommandType;
import io.edgefleet.messaging.commands.CommandPayloadSchemas;
import io.edgefleet.provisioning.service.ProvisioningErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Validates command payloads against the JSON Schemas in the event contracts, the same
 * schemas other systems read: one definition of what each command accepts.
 */
@ApplicationScoped
public class CommandPayloads {

    private final CommandPayloadSchemas schemas;

    public CommandPayloads(CommandPayloadSchemas schemas) {
        this.schemas = schemas;
    }

    public CommandType type(String wireName) {
        return CommandType.fromWireName(wireName).orElseThrow(() -> new FleetException(
                ProvisioningErrorCode.UNKNOWN_COMMAND_TYPE, "type must be one of " + CommandPayloadSchemas.typeNames()));
    }

    public void validate(CommandType type, JsonNode payload) {
        List<FieldError> errors = schemas.problems(type, payload, "payload");
        if (!errors.isEmpty()) {
            throw new FleetException(ProvisioningErrorCode.INVALID_COMMAND_PAYLOAD, payload == null || !payload.isObject()
                    ? "payload must be a JSON object" : type.wireName() + " payload is invalid: " + errors.get(0).message(), errors);
        }
    }
}
