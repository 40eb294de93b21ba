package io.edgefleet.telemetry.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.events.EventType;
import io.edgefleet.projection.InventoryRecords;
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
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Offline alerts from silence on {@code fleet.agent.reports}, scoped by label selector, and
 * command failure-rate alerts from {@code fleet.commands.status}, all over real Kafka.
 */
@QuarkusTest
class OfflineAndCommandAlertTest {

    @Inject
    AlertEvaluator evaluator;

    @Inject
    AlertHistoryRetention history;

    private final TelemetryApi api = new TelemetryApi();
    private final AlertApi alerts = new AlertApi(api);
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void aWatchedDeviceThatFallsSilentRaisesAnOfflineAlertWhichResolvesWhenItIsHeardAgain() {
        String remote = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        InventoryRecords.device(api.org(), remote, remote, "remote-1", Map.of("site", "remote"));
        InventoryRecords.device(api.org(), other, other, "other-1", Map.of("site", "hq"));
        String rule = alerts.rule(Map.of("name", "remote-offline", "kind", "offline", "severity", "warning",
                "labelSelector", "site=remote", "offline", Map.of("after", "10m")));
        heartbeat(remote, t0);
        heartbeat(other, t0);

        Instant later = t0.plus(Duration.ofMinutes(11));
        Awaitility.await("offline alert").atMost(Duration.ofSeconds(30)).until(() -> {
            evaluator.evaluate(later);
            return !alerts.alerts(remote, "firing").isEmpty();
        });
        assertEquals(List.of(), alerts.alerts(other, null), "hq devices are outside the rule's selector");
        assertEquals(List.of(remote), api.viewer().queryParam("labelSelector", "site=remote").when().get("/api/v1/alerts")
                .then().statusCode(200).extract().path("items.deviceId"), "alerts listed by their devices' labels");
        assertEquals(List.of(), api.viewer().queryParam("labelSelector", "site=hq").when().get("/api/v1/alerts")
                .then().statusCode(200).extract().path("items"));
        api.viewer().queryParam("labelSelector", "site in (").when().get("/api/v1/alerts").then().statusCode(400);
        api.viewer().queryParam("status", "burning").when().get("/api/v1/alerts").then().statusCode(400)
                .contentType("application/problem+json");
        JsonNode firing = AlertApi.data(AlertApi.eventsUntil(remote, AlertApi.event(EventType.ALERT_FIRING, rule)).get(0));
        assertTrue(firing.path("summary").asText().startsWith("not heard of for 11m (rule: 10m)"), firing.toString());
        assertEquals("remote-1", firing.path("deviceName").asText(), "paged with the name inventory gave the device");
        assertEquals("remote-1", alerts.alerts(remote, "firing").get(0).get("deviceName"));

        heartbeat(remote, later.plusSeconds(30));
        Awaitility.await("resolved once heard again").atMost(Duration.ofSeconds(30)).until(() -> {
            evaluator.evaluate(later.plus(Duration.ofMinutes(1)));
            return alerts.alerts(remote, "firing").isEmpty();
        });
        assertEquals("resolved", alerts.alerts(remote, null).get(0).get("status"));
    }

    @Test
    void tooManyFailedCommandsRaiseAFailureRateAlert() {
        String device = UUID.randomUUID().toString();
        alerts.rule(Map.of("name", "commands-failing", "kind", "command-failure-rate", "severity", "info",
                "commandFailureRate", Map.of("rate", 0.5, "window", "1h", "minCommands", 3)));
        commandFinished(device, "failed");
        commandFinished(device, "succeeded");
        commandFinished(device, "failed");
        commandFinished(device, "running");

        Awaitility.await("failure-rate alert").atMost(Duration.ofSeconds(30)).until(() -> {
            evaluator.evaluate(t0.plusSeconds(60));
            return !alerts.alerts(device, "firing").isEmpty();
        });
        Map<String, Object> alert = alerts.alerts(device, "firing").get(0);
        assertEquals(2.0 / 3, ((Number) alert.get("value")).doubleValue(), 1e-6, "2 of 3 finished commands failed");
        assertEquals("info", alert.get("severity"));

        evaluator.evaluate(t0.plus(Duration.ofHours(2)));
        assertEquals("resolved", alerts.alerts(device, null).get(0).get("status"), "the failures left the window");

        java.time.LocalDate today = java.time.LocalDate.ofInstant(t0, java.time.ZoneOffset.UTC);
        history.purge(today.plusDays(8));
        evaluator.evaluate(t0.plusSeconds(60));
        assertEquals(List.of(), alerts.alerts(device, "firing"), "outcomes older than the longest window are gone");
        assertEquals(1, alerts.alerts(device, null).size(), "the resolved alert is history for 90 days");
        history.purge(today.plusDays(92)); // resolved at t0 + 2 h, which may be tomorrow
        assertEquals(List.of(), alerts.alerts(device, null));
    }

    private void heartbeat(String device, Instant at) {
        publish(EventType.AGENT_HEARTBEAT, device, "{\"deviceId\":\"" + device + "\",\"agentVersion\":\"1.0.0\","
                + "\"sessionId\":\"s-1\",\"receivedAt\":\"" + at + "\"}");
    }

    private void commandFinished(String device, String status) {
        publish(EventType.COMMAND_STATUS_CHANGED, device, "{\"commandId\":\"" + UUID.randomUUID() + "\",\"deviceId\":\"" + device
                + "\",\"type\":\"collect-diagnostics\",\"status\":\"" + status + "\",\"previousStatus\":\"running\","
                + "\"changedAt\":\"" + t0 + "\"}");
    }

    private void publish(EventType type, String key, String data) {
        KafkaTestClient.publish(type.topic(), key, data, Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_source", "/edgefleet/provisioning-service", "ce_type", type.wireName(), "ce_subject", key,
                "ce_orgid", api.org(), "content-type", "application/json"));
    }
}
