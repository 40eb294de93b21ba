package io.edgefleet.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.core.limits.Limits;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every string, list and map of every event is bounded in its schema, and every bound is one
 * of {@link Limits}: the schemas a consumer enforces and the limits REST enforces are one table.
 */
class EventSchemaLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventSchemaIsBoundedByTheLimitsTable(EventType type) throws Exception {
        assertBounded(type.schemaResource());
    }

    @ParameterizedTest
    @ValueSource(strings = {"apply-manifests", "collect-diagnostics", "delete-manifests", "restart-agent",
            "rotate-credentials", "update-agent", "update-os-image", "upgrade-kubernetes"})
    void everyCommandPayloadSchemaIsBounded(String command) throws Exception {
        assertBounded("/schemas/commands/" + command + ".json");
    }

    private static void assertBounded(String resource) throws Exception {
        try (InputStream in = EventSchemaLimitsTest.class.getResourceAsStream(resource)) {
            List<String> problems = new ArrayList<>();
            walk(JSON.readTree(in), "$", problems);
            assertEquals(List.of(), problems, resource);
        }
    }

    private static void walk(JsonNode node, String path, List<String> problems) {
        if (!node.isObject()) {
            return;
        }
        Set<String> types = types(node);
        boolean closed = node.has("enum") || node.has("const");
        if (types.contains("string") && !closed) {
            check(node, "maxLength", path, problems);
        }
        if (types.contains("array")) {
            check(node, "maxItems", path, problems);
        }
        if (types.contains("object") && node.path("additionalProperties").isObject()) {
            check(node, "maxProperties", path, problems);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> child = it.next();
            switch (child.getKey()) {
                case "properties", "$defs" -> child.getValue().fields().forEachRemaining(p -> walk(p.getValue(),
                        path + "." + p.getKey(), problems));
                case "items", "additionalProperties" -> walk(child.getValue(), path + "[" + child.getKey() + "]", problems);
                case "oneOf", "anyOf", "allOf" -> child.getValue().forEach(alt -> walk(alt, path, problems));
                default -> {
                }
            }
        }
    }

    private static void check(JsonNode node, String keyword, String path, List<String> problems) {
        if (!node.has(keyword)) {
            problems.add(path + " has no " + keyword);
        } else if (!Limits.values().contains(node.get(keyword).asInt())) {
            problems.add(path + " " + keyword + " " + node.get(keyword).asInt() + " is not in core's Limits");
        }
    }

    private static Set<String> types(JsonNode node) {
        Set<String> types = new HashSet<>();
        JsonNode type = node.get("type");
        if (type != null && type.isTextual()) {
            types.add(type.asText());
        } else if (type != null) {
            type.forEach(t -> types.add(t.asText()));
        }
        return types;
    }
}
