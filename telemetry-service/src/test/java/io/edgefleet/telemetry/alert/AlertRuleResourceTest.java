package io.edgefleet.telemetry.alert;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.edgefleet.telemetry.TelemetryApi;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Alert rule CRUD: what is stored and shown, and every refusal a problem+json that changes nothing. */
@QuarkusTest
class AlertRuleResourceTest {

    private final TelemetryApi api = new TelemetryApi();
    private final AlertApi alerts = new AlertApi(api);

    @Test
    void rulesAreCreatedReadReplacedAndDeleted() {
        String id = alerts.rule(Map.of("name", "edge-offline", "kind", "offline", "severity", "critical",
                "labelSelector", "ring in (canary)", "offline", Map.of("after", "15m")));
        api.viewer().when().get("/api/v1/alert-rules/" + id).then().statusCode(200)
                .body("spec.kind", equalTo("offline")).body("spec.offline.after", equalTo("15m"))
                .body("spec.labelSelector", equalTo("ring in (canary)")).body("resourceVersion", equalTo("0"))
                .header("ETag", equalTo("\"0\""));
        api.viewer().when().get("/api/v1/alert-rules").then().statusCode(200).body("items.id", hasItem(id));
        api.viewer().queryParam("labelSelector", "ring=canary").when().get("/api/v1/alert-rules").then().statusCode(400);

        Map<String, Object> replaced = AlertApi.threshold("edge-offline", "warning", "node_cpu_usage_ratio", ">", 0.8, "10m");
        api.operator().header("If-Match", "\"7\"").body(replaced).when().put("/api/v1/alert-rules/" + id).then().statusCode(412)
                .contentType("application/problem+json").body("code", equalTo("PRECONDITION_FAILED"));
        api.operator().header("If-Match", "\"0\"").body(replaced).when().put("/api/v1/alert-rules/" + id).then().statusCode(200)
                .body("spec.kind", equalTo("threshold")).body("spec.threshold.for", equalTo("10m"))
                .body("resourceVersion", equalTo("1")).header("ETag", equalTo("\"1\""));

        api.operator().when().delete("/api/v1/alert-rules/" + id).then().statusCode(204);
        api.viewer().when().get("/api/v1/alert-rules/" + id).then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("ALERT_RULE_NOT_FOUND"));
    }

    @Test
    void invalidRulesAreRefusedAndNothingIsStored() {
        Map<String, Object> good = AlertApi.threshold("cpu", "warning", "node_cpu_usage_ratio", ">", 0.9, "5m");
        refused(with(good, "kind", "sometimes"), 422, "kind");
        refused(with(good, "severity", "urgent"), 422, "severity");
        Map<String, Object> noSeverity = new java.util.HashMap<>(good);
        noSeverity.remove("severity");
        refused(noSeverity, 422, "severity");
        refused(with(good, "threshold", Map.of("metric", "cpu", "value", 1)), 422, "threshold.operator");
        refused(with(good, "name", ""), 422, "name");
        refused(with(good, "offline", Map.of("after", "10m")), 422, "threshold");
        refused(with(good, "threshold", Map.of("metric", "cpu", "operator", "!=", "value", 1)), 422, "threshold.operator");
        refused(with(good, "threshold", Map.of("metric", "cpu usage", "operator", ">", "value", 1)), 422, "threshold.metric");
        refused(with(good, "threshold", Map.of("metric", "cpu", "operator", ">", "value", 1, "for", "soon")), 400, "threshold.for");
        refused(with(good, "threshold", Map.of("metric", "cpu", "operator", ">", "value", 1, "for", "2d")), 422, "threshold.for");
        refused(with(good, "labelSelector", "ring in (canary"), 400, "selector");
        refused(Map.of("name", "r", "kind", "command-failure-rate", "severity", "info",
                "commandFailureRate", Map.of("rate", 1.5, "window", "1h")), 422, "commandFailureRate.rate");
        refused(Map.of("name", "r", "kind", "offline", "severity", "info", "offline", Map.of("after", "10s")), 422, "offline.after");
        api.operator().body("{\"name\": ").when().post("/api/v1/alert-rules").then().statusCode(400);
        api.viewer().body(good).when().post("/api/v1/alert-rules").then().statusCode(403);
        api.viewer().when().get("/api/v1/alert-rules").then().statusCode(200).body("items.size()", equalTo(0));

        alerts.rule(good);
        api.operator().body(good).when().post("/api/v1/alert-rules").then().statusCode(409)
                .body("code", equalTo("ALERT_RULE_NAME_TAKEN"));
        api.operator().body(good).when().put("/api/v1/alert-rules/" + UUID.randomUUID()).then().statusCode(404);
    }

    private void refused(Map<String, Object> spec, int status, String mentioned) {
        api.operator().body(spec).when().post("/api/v1/alert-rules").then().statusCode(status)
                .contentType("application/problem+json").body(org.hamcrest.Matchers.containsString(mentioned));
    }

    private static Map<String, Object> with(Map<String, Object> spec, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(spec);
        copy.put(key, value);
        return copy;
    }
}
