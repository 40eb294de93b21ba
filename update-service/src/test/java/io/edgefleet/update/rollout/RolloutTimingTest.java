package io.edgefleet.update.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.testsupport.EdgeFleetInfra;
import io.edgefleet.testsupport.KafkaTestClient;
import io.edgefleet.testsupport.PoisonRecords;
import io.edgefleet.update.support.AdjustableClock;
import io.edgefleet.update.support.Fleet;
import io.edgefleet.update.support.ProvisioningDouble;
import io.edgefleet.update.support.Rollouts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When and to whom: a device outside its maintenance window waits, visibly, and is changed when the
 * window opens (the service's clock set by the test); a device that starts matching mid-rollout
 * joins the next wave, and a continuous rollout keeps taking newcomers; a device a deny rule
 * protects is skipped with the policy's reason.
 */
@QuarkusTest
class RolloutTimingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @AfterEach
    void wallClock() {
        AdjustableClock.reset();
    }

    @Test
    void aDeviceOutsideItsWindowWaitsVisiblyAndIsUpdatedWhenItOpens() throws Exception {
        Fleet fleet = new Fleet("org-" + UUID.randomUUID());
        Fleet.Machine berlin = fleet.machine(k3s("Europe/Berlin"), Map.of("site", "berlin"));
        Fleet.Machine newYork = fleet.machine(k3s("America/New_York"), Map.of("site", "berlin"));
        fleet.awaitProjected(List.of(berlin, newYork));
        Rollouts rollouts = new Rollouts(fleet.org());
        AdjustableClock.setTo(Instant.parse("2026-12-03T01:30:00Z")); // 02:30 in Berlin, 20:30 in New York
        try (ProvisioningDouble provisioning = new ProvisioningDouble(fleet.org(), request -> "succeeded")) {
            Map<String, Object> spec = new HashMap<>(RolloutWavesTest.spec("nightly", null));
            spec.put("window", Map.of("schedule", "0 2 * * *", "durationMinutes", 60, "timeZone", "device"));
            String id = rollouts.start(spec);
            Awaitility.await().atMost(WAIT).until(() -> rollouts.units(id, "waiting-for-window").getList("items").size() == 1
                    && rollouts.progress(id).getInt("counts.succeeded") == 1);
            JsonPath waiting = rollouts.units(id, "waiting-for-window");
            assertEquals(List.of(newYork.device()), waiting.getList("items[0].deviceIds"));
            assertEquals("outside its maintenance window", waiting.getString("items[0].reason"));
            assertEquals(List.of(berlin.identity()), provisioning.received().stream().map(ProvisioningDouble.Request::identity).toList());
            assertEquals("running", rollouts.get(id).getString("status.phase"));

            AdjustableClock.setTo(Instant.parse("2026-12-03T07:30:00Z")); // 02:30 in New York
            assertEquals(2, rollouts.awaitPhase(id, "completed").getInt("counts.succeeded"));
            assertEquals(1, provisioning.receivedBy(newYork.identity()).size());
        }
    }

    @Test
    void aDeviceThatStartsMatchingMidRolloutJoinsTheNextWave() throws Exception {
        Fleet fleet = new Fleet("org-" + UUID.randomUUID());
        List<Fleet.Machine> first = List.of(fleet.k3s("v1.30.4+k3s1", Map.of("site", "berlin")),
                fleet.k3s("v1.30.4+k3s1", Map.of("site", "berlin")));
        Fleet.Machine late = fleet.k3s("v1.30.4+k3s1", Map.of("site", "paris"));
        fleet.awaitProjected(List.of(first.get(0), first.get(1), late));
        Rollouts rollouts = new Rollouts(fleet.org());
        try (ProvisioningDouble provisioning = new ProvisioningDouble(fleet.org(), request -> null)) {
            String id = rollouts.start(RolloutWavesTest.spec("joiners", List.of(Map.of("count", 1), Map.of("percentage", 100))));
            Awaitility.await().atMost(WAIT).until(() -> provisioning.received().size() == 1);
            fleet.publish(late, Map.of("distribution", "k3s", "kubernetesVersion", "v1.30.4+k3s1"), Map.of("site", "berlin"), 2);
            Awaitility.await().atMost(WAIT).until(() -> rollouts.progress(id).getInt("units") == 3);
            assertEquals(2, rollouts.progress(id).getInt("waves[1].units"), "the canary wave was sent already: the next one");

            provisioning.answerWith(request -> "succeeded");
            provisioning.answer(provisioning.received().get(0), "succeeded");
            assertEquals(3, rollouts.awaitPhase(id, "completed").getInt("counts.succeeded"));
            assertEquals(1, provisioning.receivedBy(late.identity()).size());
        }
    }

    @Test
    void aJoinerMatchingALaterSelectorWaveJoinsThatWaveNotTheCurrentOne() throws Exception {
        Fleet fleet = new Fleet("org-" + UUID.randomUUID());
        Fleet.Machine canary = fleet.k3s("v1.30.4+k3s1", Map.of("site", "berlin", "ring", "canary"));
        Fleet.Machine planned = fleet.k3s("v1.30.4+k3s1", Map.of("site", "berlin", "ring", "late"));
        Fleet.Machine late = fleet.k3s("v1.30.4+k3s1", Map.of("site", "paris"));
        fleet.awaitProjected(List.of(canary, planned, late));
        Rollouts rollouts = new Rollouts(fleet.org());
        try (ProvisioningDouble provisioning = new ProvisioningDouble(fleet.org(), request -> null)) {
            String id = rollouts.start(RolloutWavesTest.spec("ring-joiner", List.of(Map.of("selector", "ring=canary"),
                    Map.of("selector", "ring=late"))));
            Awaitility.await().atMost(WAIT).until(() -> provisioning.received().size() == 1);
            fleet.publish(late, Map.of("distribution", "k3s", "kubernetesVersion", "v1.30.4+k3s1"),
                    Map.of("site", "berlin", "ring", "late"), 2);
            Awaitility.await().atMost(WAIT).until(() -> rollouts.progress(id).getInt("units") == 3);
            assertEquals(1, rollouts.progress(id).getInt("waves[0].units"), "the canary wave still sends, but is not its wave");
            assertEquals(2, rollouts.progress(id).getInt("waves[1].units"));
            assertEquals(List.of(canary.identity()), provisioning.received().stream().map(ProvisioningDouble.Request::identity).toList());
        }
    }

    @Test
    void aContinuousRolloutKeepsTakingNewcomersAfterItsLastWave() throws Exception {
        Fleet fleet = new Fleet("org-" + UUID.randomUUID());
        Fleet.Machine first = fleet.k3s("v1.30.4+k3s1", Map.of("site", "berlin"));
        fleet.awaitProjected(List.of(first));
        Rollouts rollouts = new Rollouts(fleet.org());
        try (ProvisioningDouble provisioning = new ProvisioningDouble(fleet.org(), request -> "succeeded")) {
            String id = rollouts.start(Map.of("name", "standing-config", "target", Map.of("labelSelector", "site=berlin"),
                    "continuous", true, "command", Map.of("type", "apply-manifests", "payload", Map.of("manifests",
                            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: standing}\n"))));
            Awaitility.await().atMost(WAIT).until(() -> rollouts.progress(id).getInt("counts.succeeded") == 1
                    && rollouts.get(id).getBoolean("status.waveCompleted"));
            assertEquals("running", rollouts.get(id).getString("status.phase"), "a continuous rollout does not complete");
            Fleet.Machine newcomer = fleet.k3s("v1.30.4+k3s1", Map.of("site", "berlin"));
            Awaitility.await().atMost(WAIT).until(() -> rollouts.progress(id).getInt("counts.succeeded") == 2);
            assertEquals(List.of("apply-manifests"), provisioning.receivedBy(newcomer.identity()).stream()
                    .map(ProvisioningDouble.Request::type).toList());
        }
    }

    @Test
    void aDeviceADenyRuleProtectsIsSkippedWithThePolicysReason() throws Exception {
        Fleet fleet = new Fleet("org-" + UUID.randomUUID());
        String marker = "freeze-" + UUID.randomUUID().toString().substring(0, 8);
        Fleet.Machine frozen = fleet.k3s("v1.30.4+k3s1", Map.of("site", "berlin", "change-freeze", marker));
        Fleet.Machine free = fleet.k3s("v1.30.4+k3s1", Map.of("site", "berlin"));
        fleet.awaitProjected(List.of(frozen, free));
        String assignment = publishFreeze(fleet.org(), marker);
        Awaitility.await().atMost(WAIT).until(() -> storedRules(assignment) == 1);
        Rollouts rollouts = new Rollouts(fleet.org());
        try (ProvisioningDouble provisioning = new ProvisioningDouble(fleet.org(), request -> "succeeded")) {
            String id = rollouts.start(RolloutWavesTest.spec("past-the-freeze", null));
            JsonPath done = rollouts.awaitPhase(id, "completed");
            assertEquals(1, done.getInt("counts.succeeded"));
            JsonPath skipped = rollouts.units(id, "skipped");
            assertEquals(List.of(frozen.device()), skipped.getList("items[0].deviceIds"));
            assertTrue(skipped.getString("items[0].reason").startsWith("denied by policy: policy edge.change-freeze"),
                    skipped.getString("items[0].reason"));
            assertTrue(provisioning.receivedBy(frozen.identity()).isEmpty(), "nothing sent to a protected device");
        }
    }

    private static Map<String, Object> k3s(String timeZone) {
        return Map.of("distribution", "k3s", "kubernetesVersion", "v1.30.4+k3s1", "timeZone", timeZone);
    }

    private static String publishFreeze(String org, String marker) throws Exception {
        String assignment = UUID.randomUUID().toString();
        Map<String, Object> rule = new HashMap<>(Map.of("assignmentId", assignment, "assignmentName", "freeze-" + marker,
                "policyId", UUID.randomUUID().toString(), "policyName", "edge.change-freeze", "kind", "admission",
                "rule", "request.kind != 'upgrade'", "field", "request.upgrade", "message", "upgrades are frozen here",
                "params", Map.of(), "labelSelector", "change-freeze=" + marker));
        rule.put("changedAt", "2026-12-03T12:00:00Z");
        KafkaTestClient.publish(Topics.POLICY_RULES, assignment, JSON.writeValueAsString(rule),
                PoisonRecords.headers(EventType.DENY_RULE.wireName(), org, assignment));
        return assignment;
    }

    private static int storedRules(String assignment) throws Exception {
        try (Connection c = DriverManager.getConnection(EdgeFleetInfra.jdbcUrl(), "postgres", "postgres");
             PreparedStatement st = c.prepareStatement("SELECT count(*) FROM deny_rule WHERE assignment_id = ?::uuid")) {
            st.setString(1, assignment);
            try (ResultSet rows = st.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
