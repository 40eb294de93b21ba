package io.edgefleet.telemetry.alert;

import static io.edgefleet.telemetry.TelemetryApi.sample;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.events.EventType;
import io.edgefleet.telemetry.TelemetryApi;
import io.edgefleet.testsupport.KafkaTestClient;
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

/**
 * Threshold alerts wait out their for-duration, fire once per rule and device, resolve, and are
 * announced on {@code fleet.telemetry.alerts}. Time is passed to the evaluator, not waited for.
 */
@QuarkusTest
class AlertLifecycleTest {

    private static final String CPU = "node_cpu_usage_ratio";

    @Inject
    AlertEvaluator evaluator;

    private final TelemetryApi api = new TelemetryApi();
    private final AlertApi alerts = new AlertApi(api);
    private final String device = UUID.randomUUID().toString();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void thresholdAlertFiresAfterItsForDurationThenResolves() {
        String rule = alerts.rule(AlertApi.threshold("cpu-hot", "critical", CPU, ">", 0.9, "2m"));
        postAndAwaitLatest(0.95, now.minusSeconds(5));

        evaluator.evaluate(now);
        assertEquals(List.of("pending"), states());
        evaluator.evaluate(now.plus(Duration.ofSeconds(119)));
        assertEquals(List.of("pending"), states(), "the for-duration has not passed");
        evaluator.evaluate(now.plus(Duration.ofMinutes(2)));
        evaluator.evaluate(now.plus(Duration.ofMinutes(2).plusSeconds(30)));
        assertEquals(List.of("firing"), states(), "one alert per rule and device, however often evaluated");

        JsonNode firing = AlertApi.data(last(AlertApi.eventsUntil(device, AlertApi.event(EventType.ALERT_FIRING, rule))));
        assertEquals("critical", firing.path("severity").asText());
        assertEquals("cpu-hot", firing.path("ruleName").asText());
        assertEquals(0.95, firing.path("value").asDouble(), 1e-9);
        assertTrue(firing.path("summary").asText().contains("node_cpu_usage_ratio is 0.95, > 0.9"), firing.toString());

        postAndAwaitLatest(0.5, now);
        evaluator.evaluate(now.plus(Duration.ofMinutes(3)));
        assertEquals(List.of("resolved"), states());
        List<ConsumerRecord<String, String>> events = AlertApi.eventsUntil(device, AlertApi.event(EventType.ALERT_RESOLVED, rule));
        assertEquals(List.of(EventType.ALERT_FIRING.wireName(), EventType.ALERT_RESOLVED.wireName()),
                events.stream().map(r -> KafkaTestClient.header(r, "ce_type")).toList(), "fired once, resolved once");
    }

    @Test
    void aConditionThatClearsBeforeItsForDurationNeverFires() {
        alerts.rule(AlertApi.threshold("cpu-blip", "warning", CPU, ">=", 0.9, "5m"));
        postAndAwaitLatest(0.92, now.minusSeconds(5));
        evaluator.evaluate(now);
        assertEquals(List.of("pending"), states());

        postAndAwaitLatest(0.2, now);
        evaluator.evaluate(now.plus(Duration.ofMinutes(1)));
        assertEquals(List.of(), states(), "a pending alert that clears leaves nothing behind");
    }

    @Test
    void acknowledgingAFiringAlertIsRecordedAndAnnounced() {
        String rule = alerts.rule(AlertApi.threshold("cpu-ack", "warning", CPU, ">", 0.8, "0s"));
        postAndAwaitLatest(0.85, now.minusSeconds(5));
        evaluator.evaluate(now);
        String alert = (String) alerts.alerts(device, "firing").get(0).get("id");

        api.operator().when().post("/api/v1/alerts/" + alert + "/acknowledge").then().statusCode(200)
                .body("acknowledgedBy", org.hamcrest.Matchers.notNullValue()).body("status", org.hamcrest.Matchers.equalTo("firing"));
        JsonNode acked = AlertApi.data(last(AlertApi.eventsUntil(device, AlertApi.event(EventType.ALERT_ACKNOWLEDGED, rule))));
        assertEquals(alert, acked.path("alertId").asText());

        postAndAwaitLatest(0.1, now);
        evaluator.evaluate(now.plusSeconds(30));
        api.operator().when().post("/api/v1/alerts/" + alert + "/acknowledge").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("resolved"));
        api.viewer().when().post("/api/v1/alerts/" + alert + "/acknowledge").then().statusCode(403);
        api.operator().when().post("/api/v1/alerts/" + UUID.randomUUID() + "/acknowledge").then().statusCode(404);
    }

    private List<String> states() {
        return alerts.alerts(device, null).stream().map(a -> (String) a.get("status")).toList();
    }

    private void postAndAwaitLatest(double value, Instant at) {
        api.post(device, List.of(sample(CPU, at, value)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Float> values = api.viewer().queryParam("device", device).queryParam("metric", CPU)
                    .when().get("/api/v1/metrics/latest").then().statusCode(200).extract().path("values.value");
            return values.size() == 1 && Math.abs(values.get(0) - value) < 1e-6;
        });
    }

    private static ConsumerRecord<String, String> last(List<ConsumerRecord<String, String>> records) {
        return records.get(records.size() - 1);
    }
}
