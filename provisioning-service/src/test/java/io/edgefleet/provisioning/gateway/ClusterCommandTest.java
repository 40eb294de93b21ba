package io.edgefleet.provisioning.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgefleet.projection.InventoryRecords;
import io.edgefleet.provisioning.AgentClient;
import io.edgefleet.provisioning.Commands;
import io.edgefleet.provisioning.TestDevice;
import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A command addressed to a cluster runs on one of its machines, and moves when that machine goes offline. */
@QuarkusTest
class ClusterCommandTest {

    private static final Map<String, Object> APPLY = Map.of("type", "apply-manifests", "payload",
            Map.of("manifests", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cluster-wide\n"));

    @Test
    void aClusterCommandRunsOnceOnTheControlPlaneMachineAndMovesWhenItGoesOffline() throws Exception {
        String cluster = UUID.randomUUID().toString();
        TestDevice.Enrolled controlPlane = machine(cluster, "control-plane");
        TestDevice.Enrolled worker = machine(cluster, "worker");
        machine(cluster, "worker"); // never connects
        try (AgentClient onWorker = AgentClient.connect(Commands.baseUrl(), worker.accessToken())) {
            AgentClient onControlPlane = AgentClient.connect(Commands.baseUrl(), controlPlane.accessToken());
            Commands.awaitSessionOpen(controlPlane.deviceId());
            Commands.awaitSessionOpen(worker.deviceId());
            String id = Awaitility.await("machines projected").atMost(Duration.ofSeconds(30)).until(() -> post(cluster, APPLY)
                    .then().extract(), r -> r.statusCode() == 201).path("id");

            assertEquals(id, onControlPlane.next("command", Duration.ofSeconds(20)).path("command").path("id").asText());
            assertEquals(List.of(), onWorker.drain("command", Duration.ofSeconds(2)), "one machine only");
            given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/commands/" + id).then()
                    .body("deviceId", equalTo(controlPlane.deviceId())).body("clusterId", equalTo(cluster))
                    .body("scope", equalTo("cluster")).body("status", equalTo("delivered"));

            onControlPlane.close(); // offline before acknowledging: the command moves on
            assertEquals(id, onWorker.next("command", Duration.ofSeconds(30)).path("command").path("id").asText());
            onWorker.ack(id);
            onWorker.succeed(id);
            Commands.awaitStatus(id, "succeeded");
            given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/commands/" + id).then()
                    .body("deviceId", equalTo(worker.deviceId())).body("deliveryAttempts", equalTo(2));
        }
    }

    @Test
    void aMachineScopedTypeIsNotSentToAClusterAndAnUnknownClusterIsNotFound() {
        String cluster = UUID.randomUUID().toString();
        machine(cluster, "control-plane");
        Awaitility.await("machine projected").atMost(Duration.ofSeconds(30)).until(() -> post(cluster,
                Map.of("type", "upgrade-kubernetes", "payload", Map.of("targetVersion", "v1.30.5"))).statusCode() == 422);
        post(cluster, Map.of("type", "upgrade-kubernetes", "payload", Map.of("targetVersion", "v1.30.5"))).then()
                .contentType("application/problem+json").body("errors[0].field", equalTo("type"));
        post(UUID.randomUUID().toString(), APPLY).then().statusCode(404).body("code", equalTo("CLUSTER_NOT_FOUND"));
    }

    @Test
    void theCommandTypesSayWhichActOnTheClusterAndWhichOnAMachine() {
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/command-types").then().statusCode(200)
                .body("items.find { it.name == 'apply-manifests' }.scope", equalTo("cluster"))
                .body("items.find { it.name == 'delete-manifests' }.scope", equalTo("cluster"))
                .body("items.find { it.name == 'upgrade-kubernetes' }.scope", equalTo("machine"))
                .body("items.find { it.name == 'restart-agent' }.scope", equalTo("machine"));
    }

    private static TestDevice.Enrolled machine(String cluster, String role) {
        TestDevice.Enrolled device = TestDevice.enrolledDevice();
        InventoryRecords.machine(TestTokens.DEFAULT_ORG, UUID.randomUUID().toString(), device.deviceId(),
                "m-" + device.deviceId().substring(0, 8), cluster, role);
        return device;
    }

    private static io.restassured.response.Response post(String cluster, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/clusters/" + cluster + "/commands");
    }
}
