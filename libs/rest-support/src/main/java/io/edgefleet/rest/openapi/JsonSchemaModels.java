package io.edgefleet.rest.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * A JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) from {@code libs/event-contracts}
 * as an OpenAPI model schema, so a contract publishes the very schema the service validates
 * with instead of a hand-written copy. {@code $schema} and {@code $id} are dropped: inside an
 * OpenAPI document a schema's base is the document.
 */
public final class JsonSchemaModels {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "$defs");
    private static final Set<String> SCHEMA_VALUES = Set.of("items", "not", "contains", "propertyNames",
            "additionalProperties", "unevaluatedProperties", "if", "then", "else");
    private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
    private static final Set<String> DROPPED = Set.of("$schema", "$id");

    private JsonSchemaModels() {
    }

    /** Reads a schema from the class path, e.g. {@code /schemas/commands/restart-agent.json}. */
    public static Schema fromResource(String resource) {
        try (InputStream in = JsonSchemaModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no schema " + resource + " on the class path");
            }
            return toModel(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Schema toModel(JsonNode schema) {
        Schema model = OASFactory.createSchema();
        if (schema.isBoolean()) {
            return schema.booleanValue() ? model : model.not(OASFactory.createSchema());
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String keyword = field.getKey();
            JsonNode value = field.getValue();
            if (!DROPPED.contains(keyword)) {
                model.set(keyword, keywordValue(keyword, value));
            }
        }
        return model;
    }

    private static Object keywordValue(String keyword, JsonNode value) {
        if (SCHEMA_MAPS.contains(keyword)) {
            Map<String, Schema> schemas = new LinkedHashMap<>();
            value.fields().forEachRemaining(e -> schemas.put(e.getKey(), toModel(e.getValue())));
            return schemas;
        }
        if (SCHEMA_VALUES.contains(keyword) && (value.isObject() || value.isBoolean())) {
            return "additionalProperties".equals(keyword) && value.isBoolean() ? value.booleanValue() : toModel(value);
        }
        if (SCHEMA_LISTS.contains(keyword)) {
            List<Schema> schemas = new ArrayList<>();
            value.forEach(item -> schemas.add(toModel(item)));
            return schemas;
        }
        return JSON.convertValue(value, Object.class);
    }
}
