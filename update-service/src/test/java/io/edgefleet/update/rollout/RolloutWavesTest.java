package io.edgefleet.update.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.testsupport.EventAssertions;
import io.edgefleet.testsupport.KafkaTestClient;
import io.edgefleet.update.release.ReleaseCatalog;
import io.edgefleet.update.release.ReleaseKind;
import io.edgefleet.update.support.Fleet;
import io.edgefleet.update.support.ProvisioningDouble;
import io.edgefleet.update.support.Rollouts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Waves over real Kafka and PostgreSQL, with provisioning's side of the protocol played on the
 * broker: a 3-wave release rollout completes with one command per device and the events other
 * systems read; failures past the threshold pause it and resume continues; an approval gate holds
 * a wave; cancel stops new dispatches.
 */
@QuarkusTest
class RolloutWavesTest {

    private static final String K3S_131 = ReleaseCatalog.shippedId(ReleaseKind.K3S, "v1.31.4+k3s1").toString();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aThreeWaveReleaseRolloutCompletesWithOneCommandPerDeviceAndItsEvents() throws Exception {
        Fleet fleet = new Fleet("org-" + UUID.randomUUID());
        List<Fleet.Machine> machines = IntStream.range(0, 30).mapToObj(i -> fleet.k3s("v1.30.4+k3s1", Map.of("site", "berlin"))).toList();
        fleet.awaitProjected(machines);
        Rollouts rollouts = new Rollouts(fleet.org());
        try (ProvisioningDouble provisioning = new ProvisioningDouble(fleet.org(), request -> "succeeded")) {
            String id = rollouts.start(spec("k3s-131", List.of(Map.of("count", 1), Map.of("percentage", 30), Map.of("percentage", 100))));
            JsonPath done = rollouts.awaitPhase(id, "completed");
            assertEquals(30, done.getInt("counts.succeeded"));
            assertEquals(List.of(1, 9, 20), done.getList("waves.units", Integer.class));
            assertEquals(30, provisioning.received().size(), "one command per device, none twice");
            assertEquals(machines.stream().map(Fleet.Machine::identity).collect(Collectors.toSet()),
                    provisioning.received().stream().map(ProvisioningDouble.Request::identity).collect(Collectors.toSet()));
            provisioning.received().forEach(r -> assertEquals("v1.31.4+k3s1", r.payload().path("targetVersion").asText()));

            List<JsonNode> changes = events(id, EventType.ROLLOUT_CHANGED, 8);
            assertEquals(List.of("started", "wave-started", "wave-completed", "wave-started", "wave-completed", "wave-started",
                    "wave-completed", "completed"), changes.stream().map(e -> e.get("change").asText()).toList());
            List<JsonNode> results = events(id, EventType.ROLLOUT_DEVICE_RESULT, 30);
            assertTrue(results.stream().allMatch(e -> "succeeded".equals(e.get("state").asText())
                    && "v1.31.4+k3s1".equals(e.get("version").asText())));
        }
    }

    @Test
    void failuresPastTheThresholdPauseTheRolloutAndResumeContinues() throws Exception {
        Fleet fleet = new Fleet("org-" + UUID.randomUUID());
        List<Fleet.Machine> machines = IntStream.range(0, 6).mapToObj(i -> fleet.k3s("v1.30.4+k3s1", Map.of("site", "berlin"))).toList();
        fleet.awaitProjected(machines);
        Rollouts rollouts = new Rollouts(fleet.org());
        try (ProvisioningDouble provisioning = new ProvisioningDouble(fleet.org(), request -> "failed: the upgrade hook exited 3")) {
            Map<String, Object> spec = new java.util.HashMap<>(spec("k3s-pause", List.of(Map.of("count", 2), Map.of("percentage", 100))));
            spec.put("devices", Map.of("attempts", 2, "retryBackoffSeconds", 1));
            String id = rollouts.start(spec);
            JsonPath paused = rollouts.awaitPhase(id, "paused");
            assertTrue(rollouts.get(id).getString("status.reason").contains("more than the failure threshold of 10%"),
                    rollouts.get(id).getString("status.reason"));
            assertEquals(0, paused.getInt("currentWave"));
            assertTrue(provisioning.received().size() >= 2 && provisioning.received().size() <= 4, "canary only, retried");
            Awaitility.await().atMost(WAIT).until(() -> rollouts.units(id, "failed").getList("items").size() == 2);
            JsonPath failed = rollouts.units(id, "failed");
            assertEquals(List.of(2, 2), failed.getList("items.attempts", Integer.class), "each retried once, then failed");
            assertEquals("failed: the upgrade hook exited 3", failed.getString("items[0].reason"));

            provisioning.answerWith(request -> "succeeded");
            rollouts.action(id, "resume", 200);
            JsonPath done = rollouts.awaitPhase(id, "completed");
            assertEquals(4, done.getInt("counts.succeeded"));
            assertEquals(2, done.getInt("counts.failed"));
        }
    }

    @Test
    void anApprovalGateHoldsItsWaveUntilApproved() throws Exception {
        Fleet fleet = new Fleet("org-" + UUID.randomUUID());
        List<Fleet.Machine> machines = IntStream.range(0, 3).mapToObj(i -> fleet.k3s("v1.30.4+k3s1", Map.of("site", "berlin"))).toList();
        fleet.awaitProjected(machines);
        Rollouts rollouts = new Rollouts(fleet.org());
        try (ProvisioningDouble provisioning = new ProvisioningDouble(fleet.org(), request -> "succeeded")) {
            String id = rollouts.start(spec("k3s-gate", List.of(Map.of("count", 1), Map.of("percentage", 100, "approval", true))));
            Awaitility.await().atMost(WAIT).until(() -> rollouts.progress(id).getBoolean("awaitingApproval"));
            JsonPath waiting = rollouts.progress(id);
            assertEquals(1, waiting.getInt("currentWave"));
            assertEquals(1, provisioning.received().size(), "only the canary before approval");
            assertEquals(2, waiting.getInt("waves[1].counts.pending"));

            rollouts.action(id, "approve", 200);
            rollouts.action(id, "approve", 409);
            assertEquals(3, rollouts.awaitPhase(id, "completed").getInt("counts.succeeded"));
            assertTrue(events(id, EventType.ROLLOUT_CHANGED, 1).stream().anyMatch(e -> "approved".equals(e.get("change").asText())));
        }
    }

    @Test
    void cancelStopsNewDispatchesAndWhatWasSentStillFinishes() throws Exception {
        Fleet fleet = new Fleet("org-" + UUID.randomUUID());
        List<Fleet.Machine> machines = IntStream.range(0, 5).mapToObj(i -> fleet.k3s("v1.30.4+k3s1", Map.of("site", "berlin"))).toList();
        fleet.awaitProjected(machines);
        Rollouts rollouts = new Rollouts(fleet.org());
        try (ProvisioningDouble provisioning = new ProvisioningDouble(fleet.org(), request -> null)) {
            Map<String, Object> spec = new java.util.HashMap<>(spec("k3s-cancel", null));
            spec.put("strategy", Map.of("concurrency", 1));
            String id = rollouts.start(spec);
            Awaitility.await().atMost(WAIT).until(() -> provisioning.received().size() == 1);
            rollouts.action(id, "cancel", 200);
            assertEquals("cancelled", rollouts.get(id).getString("status.phase"));
            assertEquals(4, rollouts.units(id, "skipped").getList("items").size());
            assertEquals("rollout cancelled", rollouts.units(id, "skipped").getString("items[0].reason"));

            provisioning.answer(provisioning.received().get(0), "succeeded");
            Awaitility.await().atMost(WAIT).until(() -> rollouts.progress(id).getInt("counts.succeeded") == 1);
            assertEquals(1, provisioning.received().size(), "nothing sent after the cancel");
            rollouts.action(id, "resume", 409);
        }
    }

    /** A k3s v1.31.4 rollout to site=berlin in {@code waves}, without soak. */
    static Map<String, Object> spec(String name, List<Map<String, Object>> waves) {
        Map<String, Object> spec = new java.util.HashMap<>(Map.of("name", name, "target", Map.of("labelSelector", "site=berlin"),
                "release", K3S_131));
        if (waves != null) {
            spec.put("waves", waves);
        }
        return spec;
    }

    /** The rollout's events of {@code type}, at least {@code count}, in order, each valid against its schema. */
    static List<JsonNode> events(String rolloutId, EventType type, int count) {
        return KafkaTestClient.awaitRecords(Topics.UPDATE_EVENTS, count, WAIT, r -> rolloutId.equals(r.key())
                        && type.wireName().equals(KafkaTestClient.header(r, "ce_type"))).stream()
                .map(r -> EventAssertions.assertMatchesSchema(type, r.value())).toList();
    }

}
