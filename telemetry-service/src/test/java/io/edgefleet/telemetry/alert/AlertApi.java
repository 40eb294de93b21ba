package io.edgefleet.telemetry.alert;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.telemetry.TelemetryApi;
import io.edgefleet.testsupport.EventAssertions;
import io.edgefleet.testsupport.KafkaTestClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Rules, alerts and alert events of one test organization. */
final class AlertApi {

    private final TelemetryApi api;

    AlertApi(TelemetryApi api) {
        this.api = api;
    }

    String rule(Map<String, Object> spec) {
        return api.operator().body(spec).when().post("/api/v1/alert-rules").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> threshold(String name, String severity, String metric, String op, double value, String forDuration) {
        return Map.of("name", name, "kind", "threshold", "severity", severity,
                "threshold", Map.of("metric", metric, "operator", op, "value", value, "for", forDuration));
    }

    /** The device's alerts, optionally in one state. */
    List<Map<String, Object>> alerts(String device, String state) {
        var request = api.viewer().queryParam("device", device);
        if (state != null) {
            request = request.queryParam("status", state);
        }
        return request.when().get("/api/v1/alerts").then().statusCode(200).extract().path("items");
    }

    /** Every alert event about the device until one matches {@code last}; each checked against its schema. */
    static List<ConsumerRecord<String, String>> eventsUntil(String device, Predicate<ConsumerRecord<String, String>> last) {
        List<ConsumerRecord<String, String>> seen = new java.util.ArrayList<>();
        boolean[] found = {false};
        KafkaTestClient.awaitRecords(Topics.TELEMETRY_ALERTS, 1, Duration.ofSeconds(60), r -> {
            if (found[0] || !device.equals(r.key())) {
                return false;
            }
            seen.add(r);
            found[0] = last.test(r);
            return found[0];
        });
        return seen;
    }

    static Predicate<ConsumerRecord<String, String>> event(EventType type, String ruleId) {
        return r -> type.wireName().equals(KafkaTestClient.header(r, "ce_type")) && data(r).path("ruleId").asText().equals(ruleId);
    }

    static JsonNode data(ConsumerRecord<String, String> record) {
        EventType type = EventType.fromWireName(KafkaTestClient.header(record, "ce_type")).orElseThrow();
        return EventAssertions.assertMatchesSchema(type, record.value());
    }
}
