package io.edgefleet.update.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgefleet.projection.InventoryRecords;
import io.edgefleet.update.release.ReleaseCatalog;
import io.edgefleet.update.release.ReleaseKind;
import io.edgefleet.update.support.Fleet;
import io.edgefleet.update.support.ProvisioningDouble;
import io.edgefleet.update.support.Rollouts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What each change does: a release walks its upgrade path hop by hop through a multi-machine
 * cluster, one machine at a time, control plane first, and skips a device it has no path for; a
 * command rollout to a label selector reaches every matching device once and rolls back with its
 * rollback command; an OS image rolls back to each machine's previous image; Kubernetes does not.
 */
@QuarkusTest
class RolloutChangesTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: site-settings}\ndata: {site: berlin}\n";

    @Test
    void aReleaseWalksItsHopsThroughAClusterOneMachineAtATimeControlPlaneFirst() throws Exception {
        Fleet fleet = new Fleet("org-" + UUID.randomUUID());
        String cluster = UUID.randomUUID().toString();
        Fleet.Machine worker1 = member(fleet, cluster, "worker");
        Fleet.Machine controlPlane = member(fleet, cluster, "control-plane");
        Fleet.Machine worker2 = member(fleet, cluster, "worker");
        Fleet.Machine k3s = fleet.k3s("v1.30.4+k3s1", Map.of("site", "berlin"));
        fleet.awaitProjected(List.of(worker1, controlPlane, worker2, k3s));
        Rollouts rollouts = new Rollouts(fleet.org());
        try (ProvisioningDouble provisioning = new ProvisioningDouble(fleet.org(), request -> null)) {
            String id = rollouts.start(Map.of("name", "k8s-131", "target", Map.of("labelSelector", "site=berlin"),
                    "release", ReleaseCatalog.shippedId(ReleaseKind.KUBERNETES, "v1.31.4").toString()));
            for (int step = 0; step < 2; step++) {
                int sent = step + 1;
                Awaitility.await().atMost(WAIT).until(() -> provisioning.received().size() >= sent);
                // For two engine ticks nothing else of the cluster may be sent: one machine at a time.
                Awaitility.await("one machine of the cluster at a time").during(Duration.ofMillis(2_500))
                        .atMost(Duration.ofSeconds(5)).until(() -> provisioning.received().size() == sent);
                provisioning.answer(provisioning.received().get(step), "succeeded");
            }
            Awaitility.await().atMost(WAIT).until(() -> provisioning.received().size() == 3);
            provisioning.answerWith(request -> "succeeded");
            provisioning.answer(provisioning.received().get(2), "succeeded");
            JsonPath done = rollouts.awaitPhase(id, "completed");
            List<ProvisioningDouble.Request> sent = provisioning.received();
            List<String> workers = java.util.stream.Stream.of(worker1, worker2).sorted(java.util.Comparator.comparing(
                    m -> UUID.fromString(m.device()))).map(Fleet.Machine::identity).toList();
            List<String> order = List.of(controlPlane.identity(), workers.get(0), workers.get(1));
            assertEquals(order, sent.subList(0, 3).stream().map(ProvisioningDouble.Request::identity).toList(),
                    "the control plane first, then the workers");
            assertEquals(order, sent.subList(3, 6).stream().map(ProvisioningDouble.Request::identity).toList(), "on every hop");
            assertEquals(List.of("v1.30.8", "v1.30.8", "v1.30.8", "v1.31.4", "v1.31.4", "v1.31.4"),
                    sent.stream().map(r -> r.payload().path("targetVersion").asText()).toList());
            assertEquals(1, done.getInt("counts.succeeded"), "the cluster counts as one unit");
            JsonPath skipped = rollouts.units(id, "skipped");
            assertEquals(List.of(k3s.device()), skipped.getList("items[0].deviceIds"));
            assertTrue(skipped.getString("items[0].reason").startsWith("invalid upgrade path: never between k8s and k3s"));
            rollouts.action(id, "rollback", 409);
        }
    }

    @Test
    void aCommandRolloutReachesEveryMatchingDeviceOnceAndRollsBackWithItsRollbackCommand() throws Exception {
        Fleet fleet = new Fleet("org-" + UUID.randomUUID());
        List<Fleet.Machine> berlin = List.of(fleet.k3s("v1.30.4+k3s1", Map.of("site", "berlin")),
                fleet.k3s("v1.30.4+k3s1", Map.of("site", "berlin")), fleet.k3s("v1.30.4+k3s1", Map.of("site", "berlin")));
        Fleet.Machine paris = fleet.k3s("v1.30.4+k3s1", Map.of("site", "paris"));
        fleet.awaitProjected(List.of(berlin.get(0), berlin.get(1), berlin.get(2), paris));
        Rollouts rollouts = new Rollouts(fleet.org());
        try (ProvisioningDouble provisioning = new ProvisioningDouble(fleet.org(), request -> "succeeded")) {
            String id = rollouts.start(Map.of("name", "site-settings", "target", Map.of("labelSelector", "site=berlin"),
                    "command", Map.of("type", "apply-manifests", "payload", Map.of("manifests", CONFIG_MAP),
                            "rollback", Map.of("type", "delete-manifests", "payload", Map.of("manifests", CONFIG_MAP)))));
            assertEquals(3, rollouts.awaitPhase(id, "completed").getInt("counts.succeeded"));
            assertEquals(3, provisioning.received().size());
            assertTrue(provisioning.receivedBy(paris.identity()).isEmpty(), "a device outside the selector is not touched");
            berlin.forEach(m -> assertEquals(List.of("apply-manifests"), types(provisioning, m)));

            rollouts.action(id, "rollback", 200);
            JsonPath rolledBack = rollouts.awaitPhase(id, "rolled-back");
            assertEquals(3, rolledBack.getInt("counts.succeeded"));
            berlin.forEach(m -> assertEquals(List.of("apply-manifests", "delete-manifests"), types(provisioning, m)));

            String plain = rollouts.start(Map.of("name", "no-undo", "target", Map.of("labelSelector", "site=paris"),
                    "command", Map.of("type", "collect-diagnostics", "payload", Map.of())));
            rollouts.awaitPhase(plain, "completed");
            assertEquals("ROLLBACK_NOT_POSSIBLE", rollouts.action(plain, "rollback", 409).getString("code"));
        }
    }

    @Test
    void anOsImageRollsBackToEachMachinesPreviousImage() throws Exception {
        Fleet fleet = new Fleet("org-" + UUID.randomUUID());
        String cluster = UUID.randomUUID().toString();
        Fleet.Machine machine = fleet.machine(Map.of("clusterId", cluster, "clusterRole", "control-plane", "distribution", "k3s",
                "kubernetesVersion", "v1.30.4+k3s1"), Map.of("site", "berlin"));
        InventoryRecords.cluster(fleet.org(), cluster, "k3s", "flannel", "[\"" + machine.device() + "\"]", "[{\"name\":\"n1\","
                + "\"deviceId\":\"" + machine.device() + "\",\"role\":\"control-plane\",\"os\":\"linux\","
                + "\"osImage\":\"CBL-Mariner/Linux 2.0.20241001\"}]", Instant.parse("2026-12-03T10:00:00Z"));
        fleet.awaitProjected(List.of(machine));
        Rollouts rollouts = new Rollouts(fleet.org());
        Awaitility.await().atMost(WAIT).until(() -> "2.0.20241001".equals(io.restassured.RestAssured.given().auth()
                .oauth2(rollouts.operator()).get("/api/v1/devices/{id}/available-updates", machine.device()).jsonPath()
                .getString("current.osImage")));
        try (ProvisioningDouble provisioning = new ProvisioningDouble(fleet.org(), request -> "succeeded")) {
            String id = rollouts.start(Map.of("name", "image-nov", "target", Map.of("labelSelector", "site=berlin"),
                    "release", ReleaseCatalog.shippedId(ReleaseKind.OS_IMAGE, "2.0.20241101").toString()));
            rollouts.awaitPhase(id, "completed");
            rollouts.action(id, "rollback", 200);
            rollouts.awaitPhase(id, "rolled-back");
            assertEquals(List.of("2.0.20241101", "2.0.20241001"), provisioning.received().stream()
                    .map(r -> r.payload().path("imageVersion").asText()).toList());
        }
    }

    private static Fleet.Machine member(Fleet fleet, String cluster, String role) {
        Map<String, Object> fields = new HashMap<>(Map.of("clusterId", cluster, "clusterRole", role, "distribution", "k8s",
                "kubernetesVersion", "v1.29.9"));
        return fleet.machine(fields, Map.of("site", "berlin"));
    }

    private static List<String> types(ProvisioningDouble provisioning, Fleet.Machine machine) {
        return provisioning.receivedBy(machine.identity()).stream().map(ProvisioningDouble.Request::type).toList();
    }
}
