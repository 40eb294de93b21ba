package io.edgefleet.telemetry.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.telemetry.TelemetryApi;
import io.edgefleet.testsupport.AuditEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Alert rules and silences publish no event of their own; each change of them is audited with what changed. */
@QuarkusTest
class AlertAuditTest {

    @Test
    void ruleChangesAreAuditedWithBeforeAndAfter() {
        TelemetryApi api = new TelemetryApi();
        AlertApi alerts = new AlertApi(api);
        String rule = alerts.rule(AlertApi.threshold("hot-audited", "warning", "cpu", ">", 80, "1m"));
        api.operator().header("If-Match", "\"0\"").body(AlertApi.threshold("hot-audited", "critical", "cpu", ">", 90, "1m"))
                .when().put("/api/v1/alert-rules/" + rule).then().statusCode(200);
        api.operator().when().delete("/api/v1/alert-rules/" + rule).then().statusCode(204);

        List<JsonNode> events = AuditEvents.about(rule, 3);
        assertEquals(List.of("telemetry.alert-rule.created", "telemetry.alert-rule.updated", "telemetry.alert-rule.deleted"),
                events.stream().map(e -> e.path("action").asText()).toList());
        JsonNode severity = change(events.get(1), "severity");
        assertEquals("warning", severity.path("before").asText());
        assertEquals("critical", severity.path("after").asText());
        assertEquals("test-fleet-operator", events.get(2).path("actor").path("id").asText());
        assertTrue(!change(events.get(2), "name").hasNonNull("after"), "a deletion leaves nothing after");
    }

    @Test
    void silencesAreAudited() {
        TelemetryApi api = new TelemetryApi();
        String silence = api.operator().body(Map.of("labelSelector", "site=berlin", "endsAt", Instant.now().plusSeconds(3600).toString(),
                        "comment", "maintenance"))
                .when().post("/api/v1/silences").then().statusCode(201).extract().path("id");
        api.operator().when().delete("/api/v1/silences/" + silence).then().statusCode(204);

        List<JsonNode> events = AuditEvents.about(silence, 2);
        assertEquals("telemetry.silence.created", events.get(0).path("action").asText());
        assertEquals("site=berlin", change(events.get(0), "labelSelector").path("after").asText());
        assertEquals("telemetry.silence.expired", events.get(1).path("action").asText());
        assertEquals(List.of("endsAt"), events.get(1).findValuesAsText("field"));
    }

    private static JsonNode change(JsonNode event, String field) {
        for (JsonNode change : event.path("changes")) {
            if (field.equals(change.path("field").asText())) {
                return change;
            }
        }
        throw new AssertionError("no change of " + field + " in " + event);
    }
}
