package io.edgefleet.telemetry.alert;

import static io.edgefleet.telemetry.TelemetryApi.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgefleet.events.EventType;
import io.edgefleet.telemetry.TelemetryApi;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A silence keeps a firing alert from being announced; once it ends, the alert is announced. */
@QuarkusTest
class SilenceTest {

    @Inject
    AlertEvaluator evaluator;

    private final TelemetryApi api = new TelemetryApi();
    private final AlertApi alerts = new AlertApi(api);
    private final String device = UUID.randomUUID().toString();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /** Hardening item 8: booleans and numbers in queries are read strictly. */
    @Test
    void badQueryValuesAreA400() {
        api.viewer().queryParam("active", "maybe").when().get("/api/v1/silences").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("active"));
        api.viewer().queryParam("top", "lots").when().get("/api/v1/metrics/overview").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void silencedAlertsFireQuietlyAndAreAnnouncedWhenTheSilenceEnds() {
        String muted = alerts.rule(AlertApi.threshold("disk-full", "critical", "node_disk_usage_ratio", ">", 0.9, "0s"));
        String marker = alerts.rule(AlertApi.threshold("pods-many", "info", "edgefleet_pods", ">", 100, "0s"));
        String silence = api.operator().body(Map.of("ruleId", muted, "startsAt", now.minusSeconds(60).toString(),
                "endsAt", now.plus(Duration.ofHours(1)).toString(),
                "comment", "disk replacement"))
                .when().post("/api/v1/silences").then().statusCode(201).extract().path("id");
        api.post(device, List.of(sample("node_disk_usage_ratio", now.minusSeconds(5), 0.97),
                sample("edgefleet_pods", now.minusSeconds(5), 150)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            evaluator.evaluate(now);
            return alerts.alerts(device, "firing").size() == 2;
        });
        Map<String, Object> quiet = alerts.alerts(device, "firing").stream().filter(a -> muted.equals(a.get("ruleId"))).findFirst()
                .orElseThrow();
        assertEquals(true, quiet.get("silenced"));

        // The marker's acknowledgement commits after the evaluation: everything it produced comes before, on this key.
        String markerAlert = alerts.alerts(device, "firing").stream().filter(a -> marker.equals(a.get("ruleId")))
                .map(a -> (String) a.get("id")).findFirst().orElseThrow();
        api.operator().when().post("/api/v1/alerts/" + markerAlert + "/acknowledge").then().statusCode(200);
        List<ConsumerRecord<String, String>> events = AlertApi.eventsUntil(device,
                AlertApi.event(EventType.ALERT_ACKNOWLEDGED, marker));
        assertTrue(events.stream().noneMatch(AlertApi.event(EventType.ALERT_FIRING, muted)), "the silenced alert was announced");
        assertTrue(events.stream().anyMatch(AlertApi.event(EventType.ALERT_FIRING, marker)));

        api.operator().when().delete("/api/v1/silences/" + silence).then().statusCode(204);
        String endsAt = api.viewer().when().get("/api/v1/silences/" + silence).then().statusCode(200).extract().path("endsAt");
        assertTrue(!java.time.OffsetDateTime.parse(endsAt).isAfter(java.time.OffsetDateTime.now()), "ended, still readable");
        evaluator.evaluate(Instant.now().plusSeconds(1));
        AlertApi.eventsUntil(device, AlertApi.event(EventType.ALERT_FIRING, muted));
        assertEquals(false, alerts.alerts(device, "firing").stream().filter(a -> muted.equals(a.get("ruleId"))).findFirst()
                .orElseThrow().get("silenced"));
    }

    @Test
    void aSilenceByLabelSelectorMutesOnlyMatchingDevices() {
        String inMaintenance = UUID.randomUUID().toString();
        io.edgefleet.projection.InventoryRecords.device(api.org(), inMaintenance, inMaintenance, "maint-1",
                Map.of("maintenance", "true"));
        io.edgefleet.projection.InventoryRecords.device(api.org(), device, device, "busy-1", Map.of());
        alerts.rule(AlertApi.threshold("pods-high", "warning", "edgefleet_pods", ">", 10, "0s"));
        api.operator().body(Map.of("labelSelector", "maintenance=true", "startsAt", now.minusSeconds(60).toString(),
                "endsAt", now.plus(Duration.ofHours(2)).toString()))
                .when().post("/api/v1/silences").then().statusCode(201);
        api.post(inMaintenance, List.of(sample("edgefleet_pods", now.minusSeconds(5), 50)));
        api.post(device, List.of(sample("edgefleet_pods", now.minusSeconds(5), 50)));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            evaluator.evaluate(now);
            return alerts.alerts(inMaintenance, "firing").size() == 1 && alerts.alerts(device, "firing").size() == 1
                    && Boolean.TRUE.equals(alerts.alerts(inMaintenance, "firing").get(0).get("silenced"));
        });
        assertEquals(false, alerts.alerts(device, "firing").get(0).get("silenced"));
    }

    @Test
    void silencesMustNameWhatTheyMuteAndEndInTheFuture() {
        api.operator().body(Map.of("endsAt", now.plusSeconds(3600).toString())).when().post("/api/v1/silences")
                .then().statusCode(422).contentType("application/problem+json");
        api.operator().body(Map.of("deviceId", device, "endsAt", now.plusSeconds(60).toString(), "comment", "c".repeat(100_000)))
                .when().post("/api/v1/silences").then().statusCode(400).contentType("application/problem+json");
        api.operator().body(Map.of("deviceId", device, "endsAt", now.minusSeconds(60).toString())).when().post("/api/v1/silences")
                .then().statusCode(422).body("detail", org.hamcrest.Matchers.containsString("endsAt"));
        api.operator().body(Map.of("ruleId", UUID.randomUUID().toString(), "endsAt", now.plusSeconds(60).toString()))
                .when().post("/api/v1/silences").then().statusCode(404);
        // Hardening item 9: another organization's rule is as unknown as a random id.
        String othersRule = new AlertApi(new TelemetryApi()).rule(AlertApi.threshold("theirs", "info", "m", ">", 1, "0s"));
        api.operator().body(Map.of("ruleId", othersRule, "endsAt", now.plusSeconds(60).toString()))
                .when().post("/api/v1/silences").then().statusCode(404).body("code", org.hamcrest.Matchers.equalTo("ALERT_RULE_NOT_FOUND"));
        api.operator().body(Map.of("deviceId", device, "endsAt", now.plus(Duration.ofDays(31)).toString()))
                .when().post("/api/v1/silences").then().statusCode(422);
        api.viewer().body(Map.of("deviceId", device, "endsAt", now.plusSeconds(60).toString())).when().post("/api/v1/silences")
                .then().statusCode(403);
        assertEquals(0, api.viewer().queryParam("active", true).when().get("/api/v1/silences").then().statusCode(200)
                .extract().<List<?>>path("items").size(), "nothing refused was stored");
    }
}
