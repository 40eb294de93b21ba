package io.edgefleet.telemetry.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.testsupport.DeviceTokenKeys;
import io.edgefleet.testsupport.EventAssertions;
import io.edgefleet.testsupport.KafkaTestClient;
import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TelemetryIngestTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void anAcceptedBatchIsOnKafkaBeforeThe202() {
        String device = UUID.randomUUID().toString();
        String batchId = UUID.randomUUID().toString();
        post(device, Map.of("batchId", batchId, "sequence", 7, "samples", List.of(
                sample("node_cpu_usage_ratio", Map.of("node", "edge-ledge"), Instant.now(), 0.42))))
                .then().statusCode(202).body("batchId", equalTo(batchId)).body("samples", equalTo(1));

        JsonNode batch = EventAssertions.awaitEvent(EventType.TELEMETRY_BATCH, device, "default");
        assertEquals(7, batch.path("sequence").asInt());
        assertEquals(0.42, batch.path("samples").get(0).path("value").asDouble());
    }

    @Test
    void everyLimitHasItsOwnError() {
        String device = UUID.randomUUID().toString();
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(sample("m", Map.of(), Instant.now(), i));
        }
        refused(device, many, 413, "BATCH_TOO_LARGE");
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < 17; i++) {
            labels.put("l" + i, "v");
        }
        refused(device, List.of(sample("m", labels, Instant.now(), 1)), 422, "TOO_MANY_LABELS");
        refused(device, List.of(sample("m", Map.of("node", "x".repeat(129)), Instant.now(), 1)), 422, "LABEL_TOO_LONG");
        refused(device, List.of(sample("bad metric!", Map.of(), Instant.now(), 1)), 422, "INVALID_METRIC_NAME");
        refused(device, List.of(sample("m", Map.of(), Instant.now().plusSeconds(3600), 1)), 422, "TIMESTAMP_OUT_OF_RANGE");
        refused(device, List.of(sample("m", Map.of(), Instant.now().minus(Duration.ofDays(8)), 1)), 422, "TIMESTAMP_OUT_OF_RANGE");
    }

    /** Hardening item 3: what storage would refuse is refused here with a 4xx, never accepted with a 202. */
    @Test
    void onlyWhatStorageAcceptsIsAccepted() {
        String device = UUID.randomUUID().toString();
        List<Map<String, Object>> ok = List.of(sample("m", Map.of(), Instant.now(), 1));
        post(device, Map.of("batchId", "------------------------------------", "sequence", 1, "samples", ok))
                .then().statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("batchId"));
        post(device, Map.of("batchId", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "sequence", 1, "samples", ok))
                .then().statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("batchId"));
        refused(device, List.of(sample("m".repeat(100_000), Map.of(), Instant.now(), 1)), 422, "INVALID_METRIC_NAME");
        java.util.List<Map<String, Object>> withNull = new ArrayList<>();
        withNull.add(null);
        refused(device, withNull, 422, "UNPROCESSABLE");
        refused(device, List.of(Map.of("metric", "m", "timestamp", Instant.now().toString())), 422, "UNPROCESSABLE");
        String body = "{\"batchId\":\"" + UUID.randomUUID() + "\",\"sequence\":1,\"samples\":[{\"metric\":\"m\","
                + "\"timestamp\":\"" + Instant.now() + "\",\"value\":1e400}]}";
        given().auth().oauth2(DeviceTokenKeys.deviceToken(device, "default")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/telemetry").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("samples[0].value"));
        String coerced = "{\"batchId\":\"" + UUID.randomUUID() + "\",\"sequence\":1,\"samples\":[{\"metric\":\"m\","
                + "\"timestamp\":\"" + Instant.now() + "\",\"value\":\"0.5\"}]}";
        given().auth().oauth2(DeviceTokenKeys.deviceToken(device, "default")).contentType(ContentType.JSON).body(coerced)
                .when().post("/api/v1/telemetry").then().statusCode(400).contentType(PROBLEM);
        // A good batch last: on the device's partition, anything refused but published would arrive before it.
        String good = UUID.randomUUID().toString();
        post(device, Map.of("batchId", good, "sequence", 2, "samples", ok)).then().statusCode(202);
        var records = KafkaTestClient.awaitRecords(Topics.TELEMETRY_SAMPLES, 1, Duration.ofSeconds(30),
                r -> device.equals(r.key()));
        assertEquals(1, records.size(), "nothing refused reached Kafka");
        assertTrue(records.get(0).value().contains(good));
    }

    @Test
    void aDeviceCannotPostForAnother() {
        String device = UUID.randomUUID().toString();
        Map<String, Object> body = new HashMap<>(Map.of("batchId", UUID.randomUUID().toString(), "sequence", 1,
                "samples", List.of(sample("m", Map.of(), Instant.now(), 1))));
        body.put("deviceId", UUID.randomUUID().toString());
        post(device, body).then().statusCode(403).contentType(PROBLEM).body("code", equalTo("DEVICE_MISMATCH"));
    }

    @Test
    void onlyDeviceTokensMayPost() {
        Map<String, Object> body = Map.of("batchId", UUID.randomUUID().toString(), "sequence", 1, "samples", List.of());
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/telemetry")
                .then().statusCode(401).contentType(PROBLEM).body("code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body).when().post("/api/v1/telemetry")
                .then().statusCode(401).body("code", equalTo("DEVICE_TOKEN_INVALID"));
    }

    @Test
    void aRevokedDeviceIsRefusedWithinSeconds() {
        String device = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("batchId", UUID.randomUUID().toString(), "sequence", 1, "samples", List.of());
        post(device, body).then().statusCode(202);
        KafkaTestClient.publish(Topics.PROVISIONING_EVENTS, device, "{\"deviceId\":\"" + device
                        + "\",\"revokedBy\":\"op\",\"revokedAt\":\"2026-11-29T10:00:00Z\"}",
                Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/test",
                        "ce_type", EventType.DEVICE_REVOKED.wireName(), "ce_orgid", "default"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> post(device, body).then().extract().statusCode() == 403);
        post(device, body).then().body("code", equalTo("DEVICE_REVOKED"));
    }

    @Test
    void anOversizedBodyIsRefusedAsAProblem() {
        String huge = "x".repeat(3 * 1024 * 1024);
        post(UUID.randomUUID().toString(), Map.of("batchId", UUID.randomUUID().toString(), "sequence", 1,
                "samples", List.of(sample("m", Map.of("l", huge), Instant.now(), 1))))
                .then().statusCode(413).contentType(PROBLEM).body("code", equalTo("BODY_TOO_LARGE"));
    }

    private static void refused(String device, List<Map<String, Object>> samples, int status, String code) {
        post(device, Map.of("batchId", UUID.randomUUID().toString(), "sequence", 1, "samples", samples))
                .then().statusCode(status).contentType(PROBLEM).body("code", equalTo(code));
    }

    private static io.restassured.response.Response post(String device, Map<String, Object> body) {
        return given().auth().oauth2(DeviceTokenKeys.deviceToken(device, "default")).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/telemetry");
    }

    private static Map<String, Object> sample(String metric, Map<String, String> labels, Instant at, double value) {
        return Map.of("metric", metric, "labels", labels, "timestamp", at.toString(), "value", value);
    }
}
