package io.edgefleet.update.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.testsupport.KafkaTestClient;
import io.edgefleet.testsupport.PoisonRecords;
import io.edgefleet.update.support.Fleet;
import io.edgefleet.update.support.ProvisioningDouble;
import io.edgefleet.update.support.Rollouts;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Gates beyond success ratios, from the events policy and telemetry publish: a wave whose devices
 * are not compliant with a named assignment, or have a critical alert firing, holds the next wave
 * (visibly, with the reason) until the condition holds; and no record stops either consumer.
 */
@QuarkusTest
class RolloutGatesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aComplianceGateAndAnAlertGateHoldTheNextWaveUntilTheyHold() throws Exception {
        Fleet fleet = new Fleet("org-" + UUID.randomUUID());
        Fleet.Machine canary = fleet.k3s("v1.30.4+k3s1", Map.of("site", "berlin", "ring", "canary"));
        Fleet.Machine rest = fleet.k3s("v1.30.4+k3s1", Map.of("site", "berlin"));
        fleet.awaitProjected(List.of(canary, rest));
        Rollouts rollouts = new Rollouts(fleet.org());
        try (ProvisioningDouble provisioning = new ProvisioningDouble(fleet.org(), request -> "succeeded")) {
            Map<String, Object> spec = new HashMap<>(RolloutWavesTest.spec("gated", List.of(Map.of("selector", "ring=canary"),
                    Map.of("percentage", 100))));
            spec.put("gates", Map.of("assignments", List.of("edge-rules/edge.kubernetes-supported"), "alertSeverities",
                    List.of("critical")));
            String id = rollouts.start(spec);
            Awaitility.await().atMost(WAIT).until(() -> String.valueOf(rollouts.get(id).getString("status.reason"))
                    .contains("not compliant with edge-rules/edge.kubernetes-supported"));
            assertEquals(1, provisioning.received().size(), "the next wave waits for the gate");
            compliance(fleet.org(), rest.device(), "compliant", "2026-12-03T12:00:00Z"); // the last wave's gate, later

            String alert = UUID.randomUUID().toString();
            alert(fleet.org(), canary.identity(), alert, EventType.ALERT_FIRING, "firing", "2026-12-03T12:00:00Z");
            Awaitility.await().atMost(WAIT).until(() -> stored("SELECT count(*) FROM gate_alert WHERE alert_id = '" + alert + "'") == 1);
            compliance(fleet.org(), canary.device(), "compliant", "2026-12-03T12:00:00Z");
            Awaitility.await().atMost(WAIT).until(() -> String.valueOf(rollouts.get(id).getString("status.reason"))
                    .contains("alert(s) firing on devices of wave 0"));
            assertEquals(1, provisioning.received().size());

            alert(fleet.org(), canary.identity(), alert, EventType.ALERT_RESOLVED, "resolved", "2026-12-03T12:05:00Z");
            assertEquals(2, rollouts.awaitPhase(id, "completed").getInt("counts.succeeded"));
            assertTrue(rollouts.get(id).get("status.reason") == null, "no reason once the gates held");
        }
    }

    @Test
    void noRecordStopsTheGateConsumers() throws Exception {
        String org = "org-" + UUID.randomUUID();
        Fleet fleet = new Fleet(org);
        Fleet.Machine device = fleet.k3s("v1.30.4+k3s1", Map.of());
        String type = EventType.COMPLIANCE_CHANGED.wireName();
        PoisonRecords.assertConsumerSurvives(Topics.POLICY_COMPLIANCE, "update-service", type, org,
                complianceData(UUID.randomUUID().toString(), "never-applied", "2026-12-03T12:00:00Z"),
                new PoisonRecords.Good(device.device(), complianceData(device.device(), "a-1", "2026-12-03T12:00:00Z"),
                        PoisonRecords.headers(type, org, device.device())),
                new PoisonRecords.Good(device.device(), complianceData(device.device(), "a-2", "2026-12-03T12:00:00Z"),
                        PoisonRecords.headers(type, org, device.device())),
                () -> stored("SELECT count(*) FROM gate_compliance WHERE org_id = '" + org + "'") == 2);
        String alertType = EventType.ALERT_FIRING.wireName();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        PoisonRecords.assertConsumerSurvives(Topics.TELEMETRY_ALERTS, "update-service", alertType, org,
                alertData(device.identity(), UUID.randomUUID().toString(), "firing", "2026-12-03T12:00:00Z"),
                new PoisonRecords.Good(device.identity(), alertData(device.identity(), first, "firing", "2026-12-03T12:00:00Z"),
                        PoisonRecords.headers(alertType, org, device.identity())),
                new PoisonRecords.Good(device.identity(), alertData(device.identity(), second, "firing", "2026-12-03T12:00:00Z"),
                        PoisonRecords.headers(alertType, org, device.identity())),
                () -> stored("SELECT count(*) FROM gate_alert WHERE org_id = '" + org + "'") == 2);
    }

    private static void compliance(String org, String device, String state, String at) throws Exception {
        String data = JSON.writeValueAsString(Map.of("deviceId", device, "assignmentId", UUID.randomUUID().toString(),
                "assignmentName", "edge-rules/edge.kubernetes-supported", "policyId", UUID.randomUUID().toString(),
                "policyName", "edge.kubernetes-supported", "effect", "audit", "state", state, "reasons", List.of(), "changedAt", at));
        KafkaTestClient.publish(Topics.POLICY_COMPLIANCE, device, data, PoisonRecords.headers(EventType.COMPLIANCE_CHANGED.wireName(),
                org, device));
    }

    private static void alert(String org, String identity, String alertId, EventType type, String state, String at) {
        KafkaTestClient.publish(Topics.TELEMETRY_ALERTS, identity, alertData(identity, alertId, state, at),
                PoisonRecords.headers(type.wireName(), org, identity));
    }

    private static String complianceData(String device, String assignment, String at) {
        return "{\"deviceId\":\"" + device + "\",\"assignmentId\":\"" + UUID.randomUUID() + "\",\"assignmentName\":\"" + assignment
                + "\",\"policyId\":\"" + UUID.randomUUID() + "\",\"policyName\":\"p\",\"effect\":\"audit\",\"state\":\"compliant\","
                + "\"reasons\":[],\"changedAt\":\"" + at + "\"}";
    }

    private static String alertData(String identity, String alertId, String state, String at) {
        return "{\"alertId\":\"" + alertId + "\",\"ruleId\":\"" + UUID.randomUUID() + "\",\"ruleName\":\"cpu\",\"ruleKind\":\"threshold\","
                + "\"severity\":\"critical\",\"deviceId\":\"" + identity + "\",\"state\":\"" + state + "\",\"summary\":\"cpu high\","
                + "\"startedAt\":\"2026-12-03T11:59:00Z\"," + ("resolved".equals(state) ? "\"resolvedAt\":\"" + at + "\"," : "")
                + "\"changedAt\":\"" + at + "\"}";
    }

    private static int stored(String sql) {
        try (var c = java.sql.DriverManager.getConnection(io.edgefleet.testsupport.EdgeFleetInfra.jdbcUrl(), "postgres", "postgres");
             var st = c.prepareStatement(sql); var rows = st.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

}
