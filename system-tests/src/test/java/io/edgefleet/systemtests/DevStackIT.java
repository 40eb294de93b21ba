package io.edgefleet.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, end to end: the stack comes up, every service is ready, a device
 * registered on inventory reaches the policy and update projections over real Kafka, and
 * {@code down} leaves no process behind while data survives a restart.
 */
class DevStackIT {

    private static final List<String> PROJECTING = List.of("policy", "update", "gitops");

    /** One cluster of each of the product's shapes: three single-machine ones and one of three machines. */
    private static final int DEVICES = 6;
    private static final int CLUSTERS = 4;

    @Test
    void upServesTheSystemWithSimulatedDevicesAndDownLeavesNothingRunning() throws Exception {
        try (DevStack stack = new DevStack()) {
            String output = stack.up("--devices", Integer.toString(DEVICES));
            assertTrue(output.contains("EdgeFleet is up."), output);
            for (int i = 1; i <= 6; i++) {
                given().baseUri(stack.serviceUrl(i)).when().get("/q/health/ready").then().statusCode(200)
                        .body("status", equalTo("UP"));
            }

            simulatedDevicesAreConnectedAndRunCommands(stack);
            aClusterCommandRunsOnOneMachineOfTheCluster(stack);
            theSimulatedFleetKeepsTheEdgeRules(stack);
            GitOpsFlow.aConfigurationConvergesOnTheFleet(stack, CLUSTERS);
            GeneratedClientCalls.listAndGetOnEveryService(stack, DEVICES);
            tokensNameTheSubjectAskedFor(stack);

            String id = given().baseUri(stack.serviceUrl(1)).auth().oauth2(stack.adminToken())
                    .contentType(ContentType.JSON).body("{\"name\":\"edge-e2e-01\",\"labels\":{\"site\":\"e2e\"}}")
                    .when().post("/api/v1/devices").then().statusCode(201).extract().path("id");
            for (String service : PROJECTING) {
                Awaitility.await(service + " projection").atMost(Duration.ofSeconds(60))
                        .until(() -> projected(stack, service, id));
            }

            stack.down();
            assertEquals(List.of(), stack.processes().stream().map(p -> p.info().commandLine().orElse("?")).toList());

            stack.up();
            given().baseUri(stack.serviceUrl(1)).auth().oauth2(stack.adminToken())
                    .queryParam("labelSelector", "site=e2e").when().get("/api/v1/devices")
                    .then().statusCode(200).body("items.id", hasItem(id));
        }
    }

    /** The devices inventory lists as connected, with clusters, and one of them runs a command to the end. */
    private static void simulatedDevicesAreConnectedAndRunCommands(DevStack stack) throws Exception {
        given().baseUri(stack.serviceUrl(1)).auth().oauth2(stack.adminToken()).when().get("/api/v1/fleet/summary")
                .then().statusCode(200).body("byConnectivity.connected", equalTo(DEVICES));
        try {
            Awaitility.await("clusters reported").atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(stack.serviceUrl(1))
                    .auth().oauth2(stack.adminToken()).queryParam("labelSelector", "simulated=true").when().get("/api/v1/devices")
                    .then().extract().<List<String>>path("items.clusterId").stream().allMatch(java.util.Objects::nonNull));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("devices without cluster: " + given().baseUri(stack.serviceUrl(1)).auth()
                    .oauth2(stack.adminToken()).queryParam("labelSelector", "simulated=true").when().get("/api/v1/devices")
                    .then().extract().path("items.collect { it.name + ':' + it.clusterId }") + "\ninventory's warnings:\n"
                    + stack.logLines("inventory", "WARN") + "\nsimulator:\n" + stack.logLines("devices", "WARN"), e);
        }
        String identity = given().baseUri(stack.serviceUrl(1)).auth().oauth2(stack.adminToken())
                .queryParam("labelSelector", "simulated=true").when().get("/api/v1/devices")
                .then().extract().path("items[0].identityId");
        String command = given().baseUri(stack.serviceUrl(2)).auth().oauth2(stack.adminToken()).contentType(ContentType.JSON)
                .body("{\"type\":\"collect-diagnostics\",\"payload\":{}}")
                .when().post("/api/v1/devices/" + identity + "/commands").then().statusCode(201).extract().path("id");
        Awaitility.await("command succeeded").atMost(Duration.ofSeconds(60)).until(() -> "succeeded".equals(
                given().baseUri(stack.serviceUrl(2)).auth().oauth2(stack.adminToken()).when().get("/api/v1/commands/" + command)
                        .then().extract().path("status")));
    }

    /** Every simulated machine is judged against the edge-rule built-ins and keeps all of them: the simulator builds the product's shapes. */
    private static void theSimulatedFleetKeepsTheEdgeRules(DevStack stack) throws Exception {
        try {
            Awaitility.await("the simulated fleet compliant").atMost(Duration.ofSeconds(60)).until(() -> Integer.valueOf(DEVICES)
                    .equals(given().baseUri(stack.serviceUrl(3)).auth().oauth2(stack.adminToken()).when()
                            .get("/api/v1/compliance/summary").then().statusCode(200).extract().path("devices.compliant")));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not compliant: " + given().baseUri(stack.serviceUrl(3)).auth().oauth2(stack.adminToken())
                    .queryParam("state", "non-compliant").when().get("/api/v1/compliance").then().extract()
                    .path("items.collect { it.assignmentName + ' ' + it.reasons }") + "\nsummary: " + given()
                    .baseUri(stack.serviceUrl(3)).auth().oauth2(stack.adminToken()).when().get("/api/v1/compliance/summary")
                    .then().extract().asString(), e);
        }
    }

    /** The simulator's three-machine cluster, assembled by inventory, takes a cluster command on its control-plane machine only. */
    private static void aClusterCommandRunsOnOneMachineOfTheCluster(DevStack stack) throws Exception {
        String cluster = Awaitility.await("a three-machine cluster in inventory").atMost(Duration.ofSeconds(60)).until(() ->
                given().baseUri(stack.serviceUrl(1)).auth().oauth2(stack.adminToken()).queryParam("limit", 100)
                        .when().get("/api/v1/clusters").then().extract().<String>path("items.find { it.machines.size() == 3 }.id"),
                java.util.Objects::nonNull);
        String body = "{\"type\":\"apply-manifests\",\"payload\":{\"manifests\":\"apiVersion: v1\\nkind: ConfigMap\\n"
                + "metadata:\\n  name: cluster-wide\\n\"}}";
        String command = Awaitility.await("cluster projected in provisioning").atMost(Duration.ofSeconds(60)).until(() ->
                given().baseUri(stack.serviceUrl(2)).auth().oauth2(stack.adminToken()).contentType(ContentType.JSON).body(body)
                        .when().post("/api/v1/clusters/" + cluster + "/commands").then().extract(), r -> r.statusCode() == 201)
                .path("id");
        Awaitility.await("cluster command succeeded").atMost(Duration.ofSeconds(60)).until(() -> "succeeded".equals(
                given().baseUri(stack.serviceUrl(2)).auth().oauth2(stack.adminToken()).when().get("/api/v1/commands/" + command)
                        .then().extract().path("status")));
        String machine = given().baseUri(stack.serviceUrl(2)).auth().oauth2(stack.adminToken())
                .when().get("/api/v1/commands/" + command).then().extract().path("deviceId");
        List<Map<String, Object>> machines = given().baseUri(stack.serviceUrl(1)).auth().oauth2(stack.adminToken())
                .queryParam("labelSelector", "simulated=true").queryParam("limit", 100).when().get("/api/v1/devices")
                .then().extract().<List<Map<String, Object>>>path("items.findAll { it.clusterId == '" + cluster + "' }");
        assertEquals(3, machines.size());
        assertEquals(List.of("control-plane"), machines.stream().filter(m -> machine.equals(m.get("identityId")))
                .map(m -> m.get("clusterRole")).toList(), "the control-plane machine ran it");
        for (Map<String, Object> other : machines) {
            if (!machine.equals(other.get("identityId"))) {
                given().baseUri(stack.serviceUrl(2)).auth().oauth2(stack.adminToken())
                        .when().get("/api/v1/devices/" + other.get("identityId") + "/commands").then().statusCode(200)
                        .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(command)));
            }
        }
    }

    /** Who did what is recorded under the subject a dev token was minted for, not a shared dev-admin. */
    private static void tokensNameTheSubjectAskedFor(DevStack stack) throws Exception {
        String alice = stack.token("fleet-operator", "default", "alice");
        given().baseUri(stack.serviceUrl(2)).auth().oauth2(alice).contentType(ContentType.JSON)
                .body("{\"name\":\"by-alice\",\"expiresAt\":\"2099-01-01T00:00:00Z\",\"maxUses\":1}")
                .when().post("/api/v1/enrollment-tokens").then().statusCode(201).body("createdBy", equalTo("alice"));
        String viewer = stack.token("fleet-viewer", "default", "");
        given().baseUri(stack.serviceUrl(2)).auth().oauth2(viewer).contentType(ContentType.JSON)
                .body("{\"name\":\"by-viewer\",\"expiresAt\":\"2099-01-01T00:00:00Z\",\"maxUses\":1}")
                .when().post("/api/v1/enrollment-tokens").then().statusCode(403);
    }

    private static boolean projected(DevStack stack, String database, String deviceId) throws Exception {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(database), "postgres", "postgres");
             PreparedStatement st = c.prepareStatement("SELECT 1 FROM device_projection WHERE device_id = ?::uuid")) {
            st.setString(1, deviceId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }
}
