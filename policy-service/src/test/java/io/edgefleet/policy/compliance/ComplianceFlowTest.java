package io.edgefleet.policy.compliance;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.localinfra.PostgresServer;
import io.edgefleet.projection.InventoryRecords;
import io.edgefleet.testsupport.EdgeFleetInfra;
import io.edgefleet.testsupport.EventAssertions;
import io.edgefleet.testsupport.KafkaTestClient;
import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Compliance follows inventory over real Kafka and PostgreSQL: the edge-rule built-ins are
 * assigned to an organization by default, a device turns non-compliant when its state breaks one
 * and compliant again when fixed, and each transition is kept in the history and published once.
 */
@QuarkusTest
class ComplianceFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String MEMORY = "edge-rules/edge.linux-node-memory";

    @Test
    void aDeviceTurnsNonCompliantAndBackEachTransitionKeptAndPublishedOnce() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String device = UUID.randomUUID().toString();
        InventoryRecords.stateWith(org, device, "edge-small", 1, machine(2048));
        JsonPath small = awaitRecord(org, device, MEMORY, "non-compliant");
        assertEquals("device.linuxNode.memoryMb", small.getString("reasons[0].field"));
        assertEquals("2048", small.getString("reasons[0].value"));
        assertEquals("compliant", record(org, device, "edge-rules/edge.static-ip-configured").getString("state"),
                "every edge rule judged the device");

        InventoryRecords.stateWith(org, device, "edge-small", 2, machine(8192));
        awaitRecord(org, device, MEMORY, "compliant");
        // The same state again (a redelivery) and an unrelated device change nothing of this device's history.
        InventoryRecords.stateWith(org, device, "edge-small", 2, machine(8192));
        String marker = UUID.randomUUID().toString();
        InventoryRecords.stateWith(org, marker, "marker", 1, machine(8192));
        awaitRecord(org, marker, MEMORY, "compliant");

        assertEquals(List.of("null>non-compliant", "non-compliant>compliant"), history(device, MEMORY));
        List<JsonNode> events = KafkaTestClient.readToEnd(Topics.POLICY_COMPLIANCE, WAIT).stream()
                .filter(r -> device.equals(r.key()))
                .map(r -> EventAssertions.assertMatchesSchema(EventType.COMPLIANCE_CHANGED, r.value()))
                .filter(data -> MEMORY.equals(data.get("assignmentName").asText())).toList();
        assertEquals(List.of("non-compliant", "compliant"), events.stream().map(e -> e.get("state").asText()).toList());
        assertEquals("device.linuxNode.memoryMb", events.get(0).get("reasons").get(0).get("field").asText());
        historyIsQueryableAndExported(org, device, record(org, device, MEMORY).getString("assignmentId"),
                events.get(1).get("changedAt").asText());
    }

    /** The same two transitions through the history API, as CSV, and the fleet as it stood between them. */
    private static void historyIsQueryableAndExported(String org, String device, String assignment, String fixedAt) {
        JsonPath page = given().auth().oauth2(TestTokens.forRole("fleet-viewer", org)).queryParam("device", device)
                .queryParam("assignment", assignment).queryParam("limit", 1).when().get("/api/v1/compliance/history")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("non-compliant", page.getString("items[0].state"));
        String second = given().auth().oauth2(TestTokens.forRole("fleet-viewer", org)).queryParam("device", device)
                .queryParam("assignment", assignment).queryParam("cursor", page.getString("nextCursor"))
                .when().get("/api/v1/compliance/history").then().statusCode(200).extract().path("items[0].state");
        assertEquals("compliant", second);

        String csv = given().auth().oauth2(TestTokens.forRole("fleet-viewer", org)).accept("text/csv").queryParam("device", device)
                .queryParam("assignment", assignment).when().get("/api/v1/compliance/history/export").then().statusCode(200)
                .header("EdgeFleet-Truncated", "false").extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(3, lines.size(), csv);
        assertEquals(true, lines.get(1).contains(",,non-compliant,\"device.linuxNode.memoryMb: "), csv);

        java.time.Instant before = java.time.Instant.parse(fixedAt).minusMillis(1);
        assertEquals(Integer.valueOf(1), given().auth().oauth2(TestTokens.forRole("fleet-viewer", org))
                .queryParam("time", before.toString()).when().get("/api/v1/compliance/at").then().statusCode(200)
                .extract().path("devices.non-compliant"));
        given().auth().oauth2(TestTokens.forRole("fleet-viewer", org)).queryParam("time", "yesterday")
                .when().get("/api/v1/compliance/at").then().statusCode(400);
    }

    @Test
    void aClusterChangeReEvaluatesItsMachines() {
        String org = "org-" + UUID.randomUUID();
        String device = UUID.randomUUID().toString();
        String cluster = UUID.randomUUID().toString();
        String node = "[{\"name\":\"m-ledge\",\"deviceId\":\"" + device + "\",\"os\":\"linux\",\"kubeletVersion\":\"v1.30.4+k3s1\"}]";
        InventoryRecords.stateWith(org, device, "edge-m", 1, machine(8192) + ",\"clusterId\":\"" + cluster + "\"");
        InventoryRecords.cluster(org, cluster, "k3s", "flannel", "[\"" + device + "\"]", node,
                java.time.Instant.parse("2026-12-02T12:00:00Z"));
        awaitRecord(org, device, "edge-rules/edge.cni-matches-distribution", "compliant");
        InventoryRecords.cluster(org, cluster, "k3s", "calico", "[\"" + device + "\"]", node,
                java.time.Instant.parse("2026-12-02T12:01:00Z"));
        JsonPath wrongCni = awaitRecord(org, device, "edge-rules/edge.cni-matches-distribution", "non-compliant");
        assertEquals("cluster.cni", wrongCni.getString("reasons[0].field"));
        assertEquals("calico", wrongCni.getString("reasons[0].value"));
    }

    static String machine(long memoryMb) {
        return "\"linuxNode\":{\"vcpus\":4,\"memoryMb\":" + memoryMb + "},\"network\":{\"staticIp\":\"10.0.0.5\"},"
                + "\"kubernetesVersion\":\"v1.30.4+k3s1\",\"distribution\":\"k3s\"";
    }

    static JsonPath awaitRecord(String org, String device, String assignment, String state) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonPath record = record(org, device, assignment);
            return record != null && state.equals(record.getString("state"));
        });
        return record(org, device, assignment);
    }

    /** The device's record under the assignment named so, as the API answers it; null when there is none. */
    static JsonPath record(String org, String device, String assignment) {
        JsonPath page = given().auth().oauth2(TestTokens.forRole("fleet-viewer", org)).when()
                .get("/api/v1/devices/" + device + "/compliance").then().statusCode(200).extract().jsonPath();
        int index = page.getList("items.assignmentName", String.class).indexOf(assignment);
        return index < 0 ? null : page.setRootPath("items[" + index + "]");
    }

    static List<String> history(String device, String assignmentName) throws Exception {
        try (Connection c = DriverManager.getConnection(EdgeFleetInfra.jdbcUrl(), PostgresServer.USER, "postgres");
             PreparedStatement st = c.prepareStatement("SELECT h.previous_state, h.state FROM compliance_history h "
                     + "JOIN policy_assignment a ON a.id = h.assignment_id WHERE h.device_id = ?::uuid AND a.name = ? ORDER BY h.at, h.id")) {
            st.setString(1, device);
            st.setString(2, assignmentName);
            List<String> transitions = new java.util.ArrayList<>();
            try (ResultSet rows = st.executeQuery()) {
                while (rows.next()) {
                    transitions.add(rows.getString(1) + ">" + rows.getString(2));
                }
            }
            return transitions;
        }
    }
}
