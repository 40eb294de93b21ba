package io.edgefleet.policy.assignment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.edgefleet.core.error.FieldError;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.events.commands.CommandType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
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
    private final Map<CommandType, JsonSchema> schemas = new EnumMap<>(CommandType.class);

    public RemediationCommands(ObjectMapper json) {
        this.json = json;
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        for (CommandType type : CommandType.values()) {
            schemas.put(type, factory.getSchema(CommandType.class.getResourceAsStream(type.payloadSchemaResource())));
        }
    }

    /** The command type's wire name, once type and payload are valid; a 422 naming what is not. */
    public String require(String commandType, Map<String, Object> payload) {
        CommandType type = CommandType.fromWireName(commandType).orElseThrow(() -> FleetException.unprocessable(
                "spec.remediation.commandType", "one of " + List.of(CommandType.values()).stream().map(CommandType::wireName).toList()));
        List<String> problems = schemas.get(type).validate(json.valueToTree(payload == null ? Map.of() : payload)).stream()
                .map(Object::toString).toList();
        if (!problems.isEmpty()) {
            throw new FleetException(io.edgefleet.core.error.CommonErrorCode.UNPROCESSABLE, "spec.remediation.payload: " + problems.get(0),
                    problems.stream().limit(Limits.POLICY_REASONS).map(p -> new FieldError("spec.remediation.payload", p)).toList());
        }
        return type.wireName();
    }
}
