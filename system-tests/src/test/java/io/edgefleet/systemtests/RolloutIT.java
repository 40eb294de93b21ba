package io.edgefleet.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgefleet.localinfra.Ports;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Rollouts through the whole system: update-service, provisioning-service, the simulated agents
 * and inventory, on real Kafka and PostgreSQL. A 3-wave OS image rollout over 30 simulated machines
 * completes while a second update-service replica shares the work and the first is killed with
 * {@code kill -9} and restarted mid-rollout, with no machine sent the change twice; inventory shows
 * the new image on every machine. A k3s rollout then upgrades the k3s devices, skips the k8s ones
 * (no path between them), and inventory shows the new version.
 */
class RolloutIT {

    private static final int DEVICES = 30;
    private static final Duration WAIT = Duration.ofSeconds(240);

    @Test
    void aThreeWaveRolloutSurvivesAKilledReplicaAndInventoryShowsTheNewVersions() throws Exception {
        try (DevStack stack = new DevStack().with("EDGEFLEET_SIMULATOR_ARGS", "--upgrade-seconds 1")) {
            stack.up("--devices", Integer.toString(DEVICES));
            Awaitility.await("the fleet projected in update-service").atMost(WAIT).until(() -> count(stack, "update",
                    "SELECT count(*) FROM device_projection WHERE state IS NOT NULL AND identity_id IS NOT NULL") == DEVICES);
            Process replica = startReplica(stack);
            try {
                String image = release(stack, "os-image", "2.0.20241101");
                String rollout = start(stack, Map.of("name", "linux-image-2024-11", "target", Map.of("labelSelector", "simulated=true"),
                        "release", image, "waves", List.of(Map.of("count", 1), Map.of("percentage", 30), Map.of("percentage", 100)),
                        "strategy", Map.of("dispatchesPerSecond", 2)));
                Awaitility.await("some units finished").atMost(WAIT).until(() -> progress(stack, rollout).getInt("finished") >= 2);
                stack.kill9("update");
                stack.up();
                JsonPath done = awaitPhase(stack, rollout, "completed");
                assertEquals(done.getInt("units"), done.getInt("counts.succeeded"), done.prettify());
                assertEquals(3, done.getList("waves").size());
                assertEquals(0, count(stack, "provisioning", "SELECT count(*) FROM (SELECT device_id FROM command WHERE "
                        + "idempotency_key LIKE 'update-rollout/" + rollout + "/%' GROUP BY device_id HAVING count(*) > 1) twice"),
                        "no machine sent the change twice");
                assertEquals(DEVICES, count(stack, "provisioning", "SELECT count(*) FROM command WHERE idempotency_key LIKE "
                        + "'update-rollout/" + rollout + "/%' AND status = 'SUCCEEDED'"));
                Awaitility.await("inventory shows the new image").atMost(WAIT).until(() -> linuxImages(stack).stream()
                        .allMatch(i -> i.endsWith("2.0.20241101")) && linuxImages(stack).size() == DEVICES);
            } finally {
                replica.destroy();
                replica.waitFor(30, TimeUnit.SECONDS);
            }

            String k3s = release(stack, "k3s", "v1.31.4+k3s1");
            String upgrade = start(stack, Map.of("name", "k3s-131", "target", Map.of("labelSelector", "simulated=true"),
                    "release", k3s));
            JsonPath upgraded = awaitPhase(stack, upgrade, "completed");
            int k3sClusters = count(stack, "inventory", "SELECT count(*) FROM cluster WHERE distribution = 'k3s'");
            assertTrue(k3sClusters > 0);
            assertEquals(k3sClusters, upgraded.getInt("counts.succeeded"));
            assertTrue(upgraded.getInt("counts.skipped") > 0, "k8s clusters are skipped: no path between k8s and k3s");
            Awaitility.await("inventory shows v1.31.4+k3s1").atMost(WAIT).until(() -> count(stack, "inventory",
                    "SELECT count(*) FROM cluster WHERE distribution = 'k3s' AND kubernetes_version = 'v1.31.4+k3s1'") == k3sClusters);
        }
    }

    /** A second update-service on the same database and broker, on a port of its own. */
    private static Process startReplica(DevStack stack) throws Exception {
        File log = stack.stateDir().resolve("logs").resolve("update-replica.log").toFile();
        return new ProcessBuilder("java", "-Xmx256m", "-XX:+UseSerialGC", "-Dquarkus.http.port=" + Ports.free(),
                "-Dkafka.bootstrap.servers=" + stack.kafkaBootstrap(), "-Dquarkus.datasource.jdbc.url=" + stack.jdbcUrl("update"),
                "-Dmp.jwt.verify.publickey.location=file:" + stack.stateDir().resolve("keys/jwt-public.pem"),
                "-Dedgefleet.secrets.keystore=" + stack.stateDir().resolve("keys/kek.p12"),
                "-Dedgefleet.outbox.source=/edgefleet/update-service-replica-2", "-Dedgefleet.state=" + stack.stateDir(),
                "-jar", stack.root().resolve("update-service/target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(log).start();
    }

    private static String release(DevStack stack, String kind, String version) throws Exception {
        return given().baseUri(stack.serviceUrl(4)).auth().oauth2(stack.adminToken()).queryParam("kind", kind).queryParam("limit", 100)
                .when().get("/api/v1/releases").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.spec.version == '" + version + "' }.id");
    }

    private static String start(DevStack stack, Map<String, Object> spec) throws Exception {
        String id = given().baseUri(stack.serviceUrl(4)).auth().oauth2(stack.adminToken()).contentType(ContentType.JSON).body(spec)
                .when().post("/api/v1/rollouts").then().statusCode(201).extract().path("id");
        given().baseUri(stack.serviceUrl(4)).auth().oauth2(stack.adminToken()).when().post("/api/v1/rollouts/{id}/start", id)
                .then().statusCode(200);
        return id;
    }

    private static JsonPath progress(DevStack stack, String id) throws Exception {
        return given().baseUri(stack.serviceUrl(4)).auth().oauth2(stack.adminToken()).when().get("/api/v1/rollouts/{id}/progress", id)
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitPhase(DevStack stack, String id, String phase) throws Exception {
        try {
            Awaitility.await("rollout " + phase).atMost(WAIT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> phase.equals(progress(stack, id).getString("phase")));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("rollout " + id + " never " + phase + ": " + progress(stack, id).prettify() + "\nupdate log:\n"
                    + stack.logLines("update", "WARN") + stack.logLines("update", "ERROR"), e);
        }
        return progress(stack, id);
    }

    /** The OS image of every simulated machine's Linux node, as inventory has it. */
    private static List<String> linuxImages(DevStack stack) throws Exception {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("inventory"), "postgres", "postgres");
             PreparedStatement st = c.prepareStatement("SELECT os_image FROM cluster_node WHERE os = 'linux'");
             ResultSet rows = st.executeQuery()) {
            List<String> images = new java.util.ArrayList<>();
            while (rows.next()) {
                images.add(rows.getString(1));
            }
            return images;
        }
    }

    private static int count(DevStack stack, String database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(database), "postgres", "postgres");
             PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
