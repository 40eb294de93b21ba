package io.edgefleet.policy.compliance;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.projection.InventoryRecords;
import io.edgefleet.testsupport.EventAssertions;
import io.edgefleet.testsupport.KafkaTestClient;
import io.edgefleet.testsupport.PoisonRecords;
import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A remediate assignment sends a non-compliant device exactly one command, follows its outcome on
 * fleet.commands.status, retries a failure with backoff, gives up after three attempts, shows it
 * all on the compliance record, and ends once the device is compliant again.
 */
@QuarkusTest
class RemediationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void oneCommandPerNonCompliantDeviceRetriedThenGivenUpAndEndedWhenFixed() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String device = UUID.randomUUID().toString();
        String identity = UUID.randomUUID().toString();
        String assignment = remediateAssignment(org);
        publishState(org, device, identity, 1, "\"network\":{\"gateway\":\"10.0.0.1\"}");
        ComplianceFlowTest.awaitRecord(org, device, "static-ip-fix", "non-compliant");

        JsonNode first = awaitRequest(identity, Remediations.key(UUID.fromString(assignment), UUID.fromString(device), 1));
        assertEquals("apply-manifests", first.get("type").asText());
        // Judged again, still non-compliant: no second command while the first is out.
        publishState(org, device, identity, 2, "\"network\":{\"gateway\":\"10.0.0.254\"}");
        String marker = UUID.randomUUID().toString();
        publishState(org, marker, UUID.randomUUID().toString(), 1, "\"network\":{\"staticIp\":\"10.0.0.9\"}");
        ComplianceFlowTest.awaitRecord(org, marker, "static-ip-fix", "compliant");
        assertEquals(1, requests(identity).size(), "one command per non-compliant device, not a storm");

        for (int attempt = 1; attempt <= 3; attempt++) {
            String key = Remediations.key(UUID.fromString(assignment), UUID.fromString(device), attempt);
            awaitRequest(identity, key);
            publishStatus(org, identity, key, "failed", "manifests did not apply");
        }
        Awaitility.await().atMost(WAIT).until(() -> "given-up".equals(remediation(org, device).getString("remediation.state")));
        JsonPath record = remediation(org, device);
        assertEquals(3, record.getInt("remediation.attempts"));
        assertEquals("failed: manifests did not apply", record.getString("remediation.lastError"));
        assertEquals(3, requests(identity).size());

        publishState(org, device, identity, 3, "\"network\":{\"staticIp\":\"10.0.0.5\"}");
        ComplianceFlowTest.awaitRecord(org, device, "static-ip-fix", "compliant");
        assertNull(remediation(org, device).get("remediation"), "a compliant device's remediation ends");
    }

    @Test
    void aRemediateAssignmentNamesAValidCommand() {
        String org = "org-" + UUID.randomUUID();
        Map<String, Object> spec = spec("no-command", null);
        given().auth().oauth2(TestTokens.forRole("fleet-operator", org)).contentType(ContentType.JSON).body(spec)
                .when().post("/api/v1/policy-assignments").then().statusCode(422);
        spec = spec("bad-payload", Map.of("commandType", "apply-manifests", "payload", Map.of("manifests", 42)));
        given().auth().oauth2(TestTokens.forRole("fleet-operator", org)).contentType(ContentType.JSON).body(spec)
                .when().post("/api/v1/policy-assignments").then().statusCode(422);
        spec = spec("unknown-type", Map.of("commandType", "reboot-universe", "payload", Map.of()));
        given().auth().oauth2(TestTokens.forRole("fleet-operator", org)).contentType(ContentType.JSON).body(spec)
                .when().post("/api/v1/policy-assignments").then().statusCode(422);
    }

    private static String remediateAssignment(String org) {
        return given().auth().oauth2(TestTokens.forRole("fleet-operator", org)).contentType(ContentType.JSON)
                .body(spec("static-ip-fix", Map.of("commandType", "apply-manifests",
                        "payload", Map.of("manifests", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: network-fix}\n"))))
                .when().post("/api/v1/policy-assignments").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> spec(String name, Map<String, Object> remediation) {
        Map<String, Object> spec = new HashMap<>(Map.of("name", name, "policy", "edge.static-ip-configured", "effect", "remediate"));
        if (remediation != null) {
            spec.put("remediation", remediation);
        }
        return spec;
    }

    private static void publishState(String org, String device, String identity, long version, String network) {
        InventoryRecords.stateWithIdentity(org, device, identity, "edge-remedy", version, network);
    }

    private static JsonNode awaitRequest(String identity, String key) {
        return KafkaTestClient.awaitRecords(Topics.COMMAND_REQUESTS, 1, WAIT, r -> identity.equals(r.key())
                        && r.value().contains("\"idempotencyKey\":\"" + key + "\"")).stream()
                .map(r -> EventAssertions.assertMatchesSchema(EventType.COMMAND_REQUESTED, r.value())).findFirst().orElseThrow();
    }

    private static List<?> requests(String identity) {
        return KafkaTestClient.readToEnd(Topics.COMMAND_REQUESTS, WAIT).stream().filter(r -> identity.equals(r.key())).toList();
    }

    private static void publishStatus(String org, String identity, String key, String status, String reason) throws Exception {
        Map<String, Object> data = new HashMap<>(Map.of("commandId", UUID.randomUUID().toString(), "deviceId", identity,
                "type", "apply-manifests", "status", status, "correlationId", key, "failureReason", reason,
                "changedAt", "2026-12-02T12:00:00Z"));
        KafkaTestClient.publish(Topics.COMMAND_STATUS, identity, JSON.writeValueAsString(data),
                PoisonRecords.headers(EventType.COMMAND_STATUS_CHANGED.wireName(), org, identity));
    }

    private static JsonPath remediation(String org, String device) {
        JsonPath record = ComplianceFlowTest.record(org, device, "static-ip-fix");
        assertTrue(record != null, "no record");
        return record;
    }
}
