package io.edgefleet.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.core.limits.Limits;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the bounds an OpenAPI document promises for request input: every string, array and map of
 * every request body, and every header parameter, must carry {@code maxLength} / {@code maxItems} /
 * {@code maxProperties} (UUIDs and timestamps are bounded by their format, enums by their values),
 * and every bound must be a value of the one table in {@link Limits}, so the document, the REST
 * enforcement ({@code @Size} with those constants) and the event schemas cannot drift apart.
 */
final class RequestBounds {

    private static final Set<String> BOUNDED_FORMATS = Set.of("uuid", "date", "date-time", "int32", "int64");
    private static final Set<Integer> TABLE = Limits.values();

    private final JsonNode schemas;
    private final Set<String> findings = new TreeSet<>();

    private RequestBounds(JsonNode document) {
        this.schemas = document.path("components").path("schemas");
    }

    /** What the document leaves unbounded or bounds with a number that is not in {@link Limits}. */
    static Set<String> findings(JsonNode document) {
        RequestBounds bounds = new RequestBounds(document);
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                op.getValue().path("requestBody").path("content").forEach(media -> bounds.walk(media.path("schema"), where, 0));
                for (JsonNode parameter : op.getValue().path("parameters")) {
                    if ("header".equals(parameter.path("in").asText())) {
                        bounds.walk(parameter.path("schema"), where + " header " + parameter.path("name").asText(), 0);
                    }
                }
            }
        }
        return bounds.findings;
    }

    private void walk(JsonNode schema, String where, int depth) {
        JsonNode s = resolve(schema);
        if (depth > 12) {
            return;
        }
        for (String combinator : new String[] {"allOf", "oneOf", "anyOf"}) {
            s.path(combinator).forEach(part -> walk(part, where, depth + 1));
        }
        String type = s.path("type").asText();
        if ("string".equals(type) && !s.has("enum") && !BOUNDED_FORMATS.contains(s.path("format").asText())) {
            expect(s, "maxLength", where);
        } else if ("array".equals(type)) {
            expect(s, "maxItems", where);
            walk(s.path("items"), where + "[]", depth + 1);
        } else if (s.path("additionalProperties").isObject()) {
            expect(s, "maxProperties", where);
            walk(s.path("additionalProperties"), where + "{}", depth + 1);
        }
        s.path("properties").fields().forEachRemaining(p -> walk(p.getValue(), where + "." + p.getKey(), depth + 1));
    }

    private void expect(JsonNode schema, String bound, String where) {
        if (!schema.has(bound)) {
            findings.add(where + ": no " + bound);
        } else if (!TABLE.contains(schema.path(bound).asInt())) {
            findings.add(where + ": " + bound + " " + schema.path(bound).asInt() + " is not a value of Limits");
        }
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int hops = 0; s.has("$ref") && hops < 20; hops++) {
            String ref = s.path("$ref").asText();
            s = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return s;
    }
}
