package io.edgefleet.testsupport;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.localinfra.PostgresServer;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Walks the service's OpenAPI document and sends every operation bad input: malformed JSON,
 * wrong types, oversized strings, bad and ambiguous ids, bad query values. Every answer must be
 * a 4xx problem+json with a stable code and no Java class name, and nothing may be stored for
 * the organization the calls were made in. Each service runs it with a {@code @QuarkusTest}
 * subclass (hardening acceptance).
 */
public abstract class ApiFuzzContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> BODY_METHODS = Set.of("post", "put", "patch");
    private static final String HUGE = "x".repeat(100_000);

    private final TenantApi tenant = new TenantApi();
    private final List<String> failures = new ArrayList<>();

    @Test
    void everyOperationRefusesBadInputWithAProblemAndStoresNothing() throws Exception {
        JsonNode document = JSON.readTree(given().queryParam("format", "json").when().get("/q/openapi").asString());
        int calls = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                calls += fuzz(path.getKey(), op.getKey(), op.getValue(), document.path("components").path("schemas"));
            }
        }
        assertTrue(calls > 0, "the document lists operations");
        assertEquals(List.of(), failures, calls + " calls");
        assertEquals(Map.of(), rowsOf(tenant.org()), "nothing was stored for the organization the bad calls came from");
    }

    private int fuzz(String template, String method, JsonNode operation, JsonNode schemas) {
        int calls = 0;
        String path = template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        if (BODY_METHODS.contains(method)) {
            calls += expect4xx(method, path, "malformed JSON", spec().body("{\"name\": "));
            calls += expect4xx(method, path, "array for object", spec().body("[[1,2]]"));
            calls += expect4xx(method, path, "wrong types", spec().body(everyProperty(operation, schemas, "[[]]")));
            calls += expect4xx(method, path, "oversized strings", spec().body(everyProperty(operation, schemas, "\"" + HUGE + "\"")));
        } else {
            calls += expect4xx(method, path + "/%2e%2e", "encoded dot segment", spec().urlEncodingEnabled(false));
        }
        if (template.contains("{")) {
            calls += expect4xx(method, template.replaceAll("\\{[^}]+}", "not-an-id"), "bad id", spec().body("{}"));
            calls += expect4xx(method, template.replaceAll("\\{[^}]+}", "%2e%2e"), "encoded dot id",
                    spec().urlEncodingEnabled(false).body("{}"));
        }
        for (JsonNode parameter : operation.path("parameters")) {
            if ("query".equals(parameter.path("in").asText())) {
                calls += expect4xx(method, path, "bad query " + parameter.path("name").asText(),
                        spec().queryParam(parameter.path("name").asText(), "(" + HUGE.substring(0, 3000)).body("{}"));
            }
        }
        return calls;
    }

    private RequestSpecification spec() {
        return tenant.as("fleet-admin");
    }

    private int expect4xx(String method, String path, String kind, RequestSpecification request) {
        Response response = request.when().request(method.toUpperCase(), path);
        int status = response.statusCode();
        String body = response.asString();
        String what = method.toUpperCase() + " " + path.substring(0, Math.min(path.length(), 90)) + " (" + kind + "): ";
        if (status < 400 || status >= 500) {
            failures.add(what + status + " " + body.substring(0, Math.min(body.length(), 200)));
        } else if (!body.isEmpty() && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            failures.add(what + status + " not problem+json: " + response.contentType());
        } else if (!body.isEmpty() && !response.jsonPath().getString("code").matches("[A-Z_]+")) {
            failures.add(what + "no stable code");
        } else if (body.matches("(?s).*\\b(java|javax|jakarta|com\\.fasterxml|org\\.jboss)\\.[a-z]+\\..*")
                || body.contains("Exception")) {
            failures.add(what + "names Java classes: " + body.substring(0, Math.min(body.length(), 200)));
        }
        return 1;
    }

    /** A JSON object with every property the request schema names (or a few usual ones) set to {@code value}. */
    private static String everyProperty(JsonNode operation, JsonNode schemas, String value) {
        List<String> names = new ArrayList<>(List.of("name", "reason", "type", "labels", "spec"));
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            schema = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        StringBuilder body = new StringBuilder("{");
        names.stream().distinct().forEach(n -> body.append(body.length() > 1 ? "," : "").append('"').append(n).append("\":")
                .append(value));
        return body.append('}').toString();
    }

    /** Rows with this organization, by table, in every table of the service that has an org_id column. */
    private static Map<String, Integer> rowsOf(String org) throws SQLException {
        Map<String, Integer> rows = new java.util.TreeMap<>();
        try (Connection c = DriverManager.getConnection(EdgeFleetInfra.jdbcUrl(), PostgresServer.USER, "postgres");
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT table_name FROM information_schema.columns WHERE column_name = 'org_id' "
                    + "AND table_schema = 'public' AND table_name NOT IN ('inbox_event', 'dead_letter')")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            for (String table : tables) {
                // A refusal (403) is rightly kept as a security event in the audit log; a change is not.
                String refusals = table.equals("audit_entry") ? " AND outcome <> 'denied'" : "";
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM \"" + table + "\" WHERE org_id = '" + org + "'" + refusals)) {
                    r.next();
                    if (r.getInt(1) > 0) {
                        rows.put(table, r.getInt(1));
                    }
                }
            }
        }
        return rows;
    }
}
