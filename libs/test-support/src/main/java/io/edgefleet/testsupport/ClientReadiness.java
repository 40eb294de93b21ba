package io.edgefleet.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a client generator needs from a committed contract, and what an integrator reads first:
 * every operation has a unique {@code operationId} and a real summary, documents its success,
 * each body's schema, its refusals as {@code Problem} (401/403 when secured, 404 when its path names a resource),
 * and types its paging.
 */
final class ClientReadiness {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    /** Schemas named after implementation classes: the document describes Java, not the API. */
    private static final Set<String> LEAKED_CLASSES = Set.of("JsonNode", "JsonNodeType", "ObjectNode", "ArrayNode",
            "Response", "RestResponse", "Object");

    private ClientReadiness() {
    }

    /** One line per gap, empty when the contract is ready for a generated client. */
    static Set<String> findings(JsonNode contract) {
        Set<String> findings = new TreeSet<>();
        Set<String> ids = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    check(op.getKey().toUpperCase() + " " + path.getKey(), path.getKey(), op.getValue(), ids, findings);
                }
            }
        }
        contract.path("components").path("schemas").fieldNames().forEachRemaining(name -> {
            if (LEAKED_CLASSES.contains(name)) {
                findings.add("schema " + name + " describes an implementation class, not the API");
            }
        });
        return findings;
    }

    private static void check(String where, String path, JsonNode op, Set<String> ids, Set<String> findings) {
        String id = op.path("operationId").asText("");
        if (!id.matches("[a-z][A-Za-z0-9]+") || !ids.add(id)) {
            findings.add(where + ": operationId '" + id + "' missing, not lowerCamelCase or not unique");
        }
        if (op.path("tags").isEmpty() || op.path("tags").toString().contains(" Resource\"")) {
            findings.add(where + ": no tag of the API's own (a generated client names its classes after tags)");
        }
        if (!op.path("summary").asText("").trim().contains(" ")) {
            findings.add(where + ": no summary (a sentence, not the method's name)");
        }
        JsonNode responses = op.path("responses");
        boolean success = false;
        for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
            String code = codes.next();
            success |= code.startsWith("2");
            if (code.startsWith("2") && !"204".equals(code) && !hasBodySchema(responses.path(code))) {
                findings.add(where + ": " + code + " has no body schema");
            }
            boolean refusal = code.startsWith("4") || code.startsWith("5");
            if (refusal && !PROBLEM_REF.equals(responses.path(code).path("content").path("application/problem+json")
                    .path("schema").path("$ref").asText())) {
                findings.add(where + ": " + code + " is not a Problem");
            }
        }
        if (!success) {
            findings.add(where + ": no success response");
        }
        boolean secured = !op.has("security") || java.util.stream.StreamSupport.stream(op.path("security").spliterator(), false)
                .anyMatch(requirement -> requirement.size() > 0);
        for (String code : secured ? Set.of("400", "401", "403") : Set.of("400")) {
            require(where, responses, code, findings);
        }
        if (path.contains("{")) {
            require(where, responses, "404", findings);
        }
        for (JsonNode parameter : op.path("parameters")) {
            if ("limit".equals(parameter.path("name").asText()) && !"integer".equals(parameter.path("schema").path("type").asText())) {
                findings.add(where + ": limit is not an integer");
            }
        }
    }

    private static boolean hasBodySchema(JsonNode response) {
        for (JsonNode media : response.path("content")) {
            if (media.path("schema").size() > 0) {
                return true;
            }
        }
        return false;
    }

    private static void require(String where, JsonNode responses, String code, Set<String> findings) {
        if (!responses.has(code)) {
            findings.add(where + ": " + code + " not documented");
        }
    }
}
