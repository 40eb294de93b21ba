package io.edgefleet.policy.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import io.edgefleet.core.error.FieldError;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.policy.PolicyErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Policy parameters, checked with JSON Schema (2020-12): a policy's schema must itself be a valid
 * schema that refers to nothing outside itself (no remote {@code $ref}: the service fetches
 * nothing), and an assignment's parameters, laid over the policy's defaults, must match it.
 */
@ApplicationScoped
public class PolicyParameters {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final JsonSchema META = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012));

    private final ObjectMapper json;
    private final Map<UUID, Map.Entry<Long, JsonSchema>> schemas = new ConcurrentHashMap<>();

    public PolicyParameters(ObjectMapper json) {
        this.json = json;
    }

    /** Refuses a schema that is not one, reaches outside itself or is too big. */
    public void requireSchema(Map<String, Object> schema) {
        if (schema == null) {
            return;
        }
        JsonNode node = bounded("spec.parameters", schema);
        requireLocalRefs(node);
        refuse("spec.parameters", META.validate(node).stream().map(Object::toString).toList());
    }

    /**
     * The parameters an evaluation uses: {@code given} laid over the policy's defaults, checked
     * against its schema.
     */
    public Map<String, Object> resolve(PolicyDefinition policy, Map<String, Object> given, String field) {
        Map<String, Object> params = new LinkedHashMap<>(policy.defaults == null ? Map.of() : policy.defaults);
        if (given != null) {
            params.putAll(given);
        }
        JsonNode node = bounded(field, params);
        if (policy.parameters != null) {
            refuse(field, schemaOf(policy).validate(node).stream().map(Object::toString).toList());
        } else if (!params.isEmpty()) {
            refuse(field, List.of("policy " + policy.name + " takes no parameters"));
        }
        return params;
    }

    private JsonSchema schemaOf(PolicyDefinition policy) {
        if (policy.id == null) {
            return FACTORY.getSchema(json.valueToTree(policy.parameters));
        }
        Map.Entry<Long, JsonSchema> cached = schemas.get(policy.id);
        if (cached != null && cached.getKey() == policy.version) {
            return cached.getValue();
        }
        JsonSchema schema = FACTORY.getSchema(json.valueToTree(policy.parameters));
        schemas.put(policy.id, Map.entry(policy.version, schema));
        return schema;
    }

    private JsonNode bounded(String field, Map<String, Object> value) {
        try {
            if (json.writeValueAsString(value).length() > Limits.POLICY_PARAMETERS) {
                refuse(field, List.of("larger than " + Limits.POLICY_PARAMETERS + " characters as JSON"));
            }
        } catch (JsonProcessingException e) {
            refuse(field, List.of("not JSON: " + e.getOriginalMessage()));
        }
        return json.valueToTree(value);
    }

    private static void requireLocalRefs(JsonNode node) {
        if (node.isObject()) {
            node.fields().forEachRemaining(entry -> {
                boolean reference = entry.getKey().equals("$ref") || entry.getKey().equals("$dynamicRef");
                if (reference && !(entry.getValue().isTextual() && entry.getValue().asText().startsWith("#"))) {
                    refuse("spec.parameters", List.of("a $ref must point inside the schema (#...), not " + entry.getValue()));
                }
                requireLocalRefs(entry.getValue());
            });
        } else if (node.isArray()) {
            node.forEach(PolicyParameters::requireLocalRefs);
        }
    }

    private static void refuse(String field, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new FleetException(PolicyErrorCode.POLICY_PARAMETERS_INVALID, field + ": " + problems.get(0),
                    problems.stream().limit(Limits.POLICY_REASONS).map(p -> new FieldError(field, p)).toList());
        }
    }
}
