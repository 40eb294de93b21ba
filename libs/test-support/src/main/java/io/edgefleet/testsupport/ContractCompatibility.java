package io.edgefleet.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The changes between a published contract (the baseline) and the current one that break a
 * client built against the baseline: an operation, parameter, schema or field removed, a type
 * narrowed (fewer types, an enum value gone, a tighter bound, a pattern changed, extra fields no
 * longer allowed), a parameter or field newly required. Additions are compatible. Works on
 * OpenAPI documents and on plain JSON Schemas alike.
 */
public final class ContractCompatibility {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Set<String> UPPER_BOUNDS = Set.of("maxLength", "maxItems", "maximum", "maxProperties");
    private static final Set<String> LOWER_BOUNDS = Set.of("minLength", "minItems", "minimum", "minProperties");

    private ContractCompatibility() {
    }

    /** One line per breaking change of an OpenAPI document, empty when none. */
    public static Set<String> ofOpenApi(JsonNode baseline, JsonNode current) {
        Set<String> breaks = new TreeSet<>();
        forEach(baseline.path("paths"), (path, item) -> forEach(item, (method, op) -> {
            if (METHODS.contains(method)) {
                JsonNode now = current.path("paths").path(path).path(method);
                String where = method.toUpperCase() + " " + path;
                if (now.isMissingNode()) {
                    breaks.add(where + ": operation removed");
                } else {
                    parameters(where, op, now, breaks);
                }
            }
        }));
        forEach(baseline.path("components").path("schemas"), (name, schema) ->
                schema(name, schema, current.path("components").path("schemas").path(name), breaks));
        return breaks;
    }

    /** One line per breaking change of a JSON Schema, empty when none. */
    public static Set<String> ofSchema(String name, JsonNode baseline, JsonNode current) {
        Set<String> breaks = new TreeSet<>();
        schema(name, baseline, current, breaks);
        return breaks;
    }

    private static void parameters(String where, JsonNode before, JsonNode now, Set<String> breaks) {
        Map<String, JsonNode> was = new java.util.HashMap<>();
        before.path("parameters").forEach(p -> was.put(p.path("in").asText() + ":" + p.path("name").asText(), p));
        Set<String> present = new HashSet<>();
        for (JsonNode p : now.path("parameters")) {
            String key = p.path("in").asText() + ":" + p.path("name").asText();
            present.add(key);
            JsonNode old = was.get(key);
            if (old == null && p.path("required").asBoolean()) {
                breaks.add(where + ": new required parameter " + key);
            } else if (old != null) {
                schema(where + " " + key, old.path("schema"), p.path("schema"), breaks);
            }
        }
        was.keySet().stream().filter(key -> !present.contains(key))
                .forEach(key -> breaks.add(where + ": parameter " + key + " removed"));
    }

    private static void schema(String where, JsonNode before, JsonNode now, Set<String> breaks) {
        if (now.isMissingNode()) {
            breaks.add(where + ": removed");
            return;
        }
        if (!before.path("$ref").asText().equals(now.path("$ref").asText())) {
            breaks.add(where + ": now " + text(now.path("$ref")) + " instead of " + text(before.path("$ref")));
        }
        Set<String> types = values(before.path("type"));
        if (!types.isEmpty() && !values(now.path("type")).containsAll(types)) {
            breaks.add(where + ": type narrowed from " + types + " to " + values(now.path("type")));
        }
        Set<String> choices = values(before.path("enum"));
        Set<String> nowChoices = values(now.path("enum"));
        if (!nowChoices.isEmpty() && !nowChoices.containsAll(choices.isEmpty() ? Set.of("(any)") : choices)) {
            breaks.add(where + ": enum narrowed from " + (choices.isEmpty() ? "any value" : choices) + " to " + nowChoices);
        }
        bounds(where, before, now, breaks);
        if (now.has("pattern") && !now.path("pattern").equals(before.path("pattern"))) {
            breaks.add(where + ": pattern changed to " + now.path("pattern").asText());
        }
        if (now.path("additionalProperties").isBoolean() && !now.path("additionalProperties").asBoolean()
                && !before.path("additionalProperties").isBoolean()) {
            breaks.add(where + ": no longer accepts other fields");
        }
        Set<String> required = values(before.path("required"));
        values(now.path("required")).stream().filter(field -> !required.contains(field))
                .forEach(field -> breaks.add(where + ": new required field " + field));
        forEach(before.path("properties"), (field, old) -> schema(where + "." + field, old, now.path("properties").path(field), breaks));
        forEach(before.path("$defs"), (def, old) -> schema(where + "#" + def, old, now.path("$defs").path(def), breaks));
        if (before.has("items")) {
            schema(where + "[]", before.path("items"), now.path("items"), breaks);
        }
    }

    private static void bounds(String where, JsonNode before, JsonNode now, Set<String> breaks) {
        for (String bound : UPPER_BOUNDS) {
            if (now.has(bound) && (!before.has(bound) || now.path(bound).asDouble() < before.path(bound).asDouble())) {
                breaks.add(where + ": " + bound + " lowered to " + now.path(bound).asText());
            }
        }
        for (String bound : LOWER_BOUNDS) {
            if (now.has(bound) && (!before.has(bound) || now.path(bound).asDouble() > before.path(bound).asDouble())) {
                breaks.add(where + ": " + bound + " raised to " + now.path(bound).asText());
            }
        }
    }

    private static Set<String> values(JsonNode node) {
        Set<String> values = new TreeSet<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            values.add(node.asText());
        }
        return values;
    }

    private static String text(JsonNode ref) {
        return ref.isMissingNode() ? "an inline schema" : ref.asText();
    }

    private static void forEach(JsonNode object, java.util.function.BiConsumer<String, JsonNode> action) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            action.accept(field.getKey(), field.getValue());
        }
    }
}
