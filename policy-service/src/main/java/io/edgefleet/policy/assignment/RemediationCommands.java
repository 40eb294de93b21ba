package io.edgefleet.policy.assignment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FieldError;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.events.commands.CommandType;
import io.edgefleet.messaging.commands.CommandPayloadSchemas;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Checks a remediation's command against the command type's published payload schema (the one
 * provisioning holds it to), so a remediate assignment never sends a request provisioning would
 * dead-letter, unanswered.
 */
@ApplicationScoped
public class RemediationCommands {

    private final ObjectMapper json;
    private final CommandPayloadSchemas schemas;

    public RemediationCommands(ObjectMapper json, CommandPayloadSchemas schemas) {
        this.json = json;
        this.schemas = schemas;
    }

    /** The command type's wire name, once type and payload are valid; a 422 naming what is not. */
    public String require(String commandType, Map<String, Object> payload) {
        CommandType type = CommandType.fromWireName(commandType).orElseThrow(() -> FleetException.unprocessable(
                "spec.remediation.commandType", "one of " + CommandPayloadSchemas.typeNames()));
        List<FieldError> problems = schemas.problems(type, json.valueToTree(payload == null ? Map.of() : payload),
                "spec.remediation.payload");
        if (!problems.isEmpty()) {
            throw new FleetException(CommonErrorCode.UNPROCESSABLE, problems.get(0).field() + ": " + problems.get(0).message(),
                    problems);
        }
        return type.wireName();
    }
}
