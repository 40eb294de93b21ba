package io.edgefleet.provisioning.policy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.localinfra.PostgresServer;
import io.edgefleet.projection.InventoryRecords;
import io.edgefleet.provisioning.Commands;
import io.edgefleet.provisioning.TestDevice;
import io.edgefleet.testsupport.EdgeFleetInfra;
import io.edgefleet.testsupport.EventAssertions;
import io.edgefleet.testsupport.KafkaTestClient;
import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A deny assignment from fleet.policy.rules refuses a privileged apply-manifests command end to
 * end: on REST a 403 naming the policy, assignment and reason, nothing stored; over Kafka a
 * rejected command with code POLICY_DENIED under the request's correlation id; an allowed
 * manifest passes; the rule's tombstone lifts the refusal.
 */
@QuarkusTest
class PolicyDenialTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RULE = "request.kind != 'command' || !has(request.command.containers) ? [] : "
            + "request.command.containers.filter(c, has(c.securityContext) && has(c.securityContext.privileged) "
            + "&& c.securityContext.privileged == true).map(c, {'field': 'request.command.containers', "
            + "'value': c.owner + ' ' + c.name, 'message': 'container ' + c.name + ' is privileged'})";
    private static final Map<String, Object> PRIVILEGED = Map.of("manifests", """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec: {template: {spec: {containers: [{name: agent, image: 'mcr.microsoft.com/agent:1', securityContext: {privileged: true}}]}}}
            """);

    @Test
    void aPrivilegedManifestIsDeniedOnRestAndOverKafkaWhileAnAllowedOnePasses() throws Exception {
        String marker = "deny-" + UUID.randomUUID().toString().substring(0, 8);
        TestDevice.Enrolled device = TestDevice.enrolledDevice();
        InventoryRecords.device(TestTokens.DEFAULT_ORG, UUID.randomUUID().toString(), device.deviceId(), "edge-deny",
                Map.of("policy-test", marker));
        String assignment = UUID.randomUUID().toString();
        publishRule(assignment, marker);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM deny_rule WHERE assignment_id = ?::uuid",
                assignment) == 1 && count("SELECT count(*) FROM device_projection WHERE identity_id = ?::uuid AND labels->>'policy-test' = ?",
                device.deviceId(), marker) == 1);

        Commands.post(device.deviceId(), Map.of("type", "apply-manifests", "payload", PRIVILEGED)).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("POLICY_DENIED"))
                .body("detail", containsString("policy edge.no-privileged-containers (assignment no-privileged-" + marker + ")"))
                .body("detail", containsString("request.command.containers is DaemonSet/agent agent"));
        assertEquals(0, count("SELECT count(*) FROM command WHERE device_id = ?::uuid", device.deviceId()), "a refusal stores nothing");
        Commands.apply(device.deviceId());

        String requestId = UUID.randomUUID().toString();
        KafkaTestClient.publish(Topics.COMMAND_REQUESTS, device.deviceId(), JSON.writeValueAsString(Map.of("deviceId", device.deviceId(),
                "type", "apply-manifests", "payload", PRIVILEGED, "requestedBy", "update-service")), headers(EventType.COMMAND_REQUESTED,
                requestId, device.deviceId()));
        JsonNode rejected = KafkaTestClient.awaitRecords(Topics.COMMAND_STATUS, 1, Duration.ofSeconds(60),
                        r -> device.deviceId().equals(r.key()) && r.value().contains("\"correlationId\":\"" + requestId + "\"")).stream()
                .map(r -> EventAssertions.assertMatchesSchema(EventType.COMMAND_STATUS_CHANGED, r.value())).findFirst().orElseThrow();
        assertEquals("rejected", rejected.get("status").asText());
        assertEquals("POLICY_DENIED", rejected.get("code").asText());
        Commands.awaitStatus(rejected.get("commandId").asText(), "rejected");

        publishTombstone(assignment);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM deny_rule WHERE assignment_id = ?::uuid",
                assignment) == 0);
        Commands.post(device.deviceId(), Map.of("type", "apply-manifests", "payload", PRIVILEGED)).then().statusCode(201);
    }

    private static void publishRule(String assignment, String marker) throws Exception {
        Map<String, Object> rule = new HashMap<>();
        rule.put("assignmentId", assignment);
        rule.put("assignmentName", "no-privileged-" + marker);
        rule.put("policyId", UUID.randomUUID().toString());
        rule.put("policyName", "edge.no-privileged-containers");
        rule.put("kind", "admission");
        rule.put("rule", RULE);
        rule.put("field", "request.command.containers");
        rule.put("message", "a container is privileged");
        rule.put("params", Map.of());
        rule.put("labelSelector", "policy-test=" + marker);
        rule.put("changedAt", "2026-12-02T12:00:00Z");
        KafkaTestClient.publish(Topics.POLICY_RULES, assignment, JSON.writeValueAsString(rule),
                headers(EventType.DENY_RULE, UUID.randomUUID().toString(), assignment));
    }

    private static void publishTombstone(String assignment) {
        Map<String, String> headers = headers(EventType.DENY_RULE, UUID.randomUUID().toString(), assignment);
        headers.remove("content-type");
        KafkaTestClient.publish(Topics.POLICY_RULES, assignment, (String) null, headers);
    }

    private static Map<String, String> headers(EventType type, String id, String subject) {
        return new HashMap<>(Map.of("ce_specversion", "1.0", "ce_id", id, "ce_source", "/test/policy-service",
                "ce_type", type.wireName(), "ce_subject", subject, "ce_orgid", TestTokens.DEFAULT_ORG,
                "ce_time", "2026-12-02T12:00:00Z", "content-type", "application/json"));
    }

    private static long count(String sql, String... params) throws Exception {
        try (Connection c = DriverManager.getConnection(EdgeFleetInfra.jdbcUrl(), PostgresServer.USER, "postgres");
             PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setString(i + 1, params[i]);
            }
            try (ResultSet rows = st.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
