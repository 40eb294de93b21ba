package io.edgefleet.inventory.messaging;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.inventory.InventoryApi;
import io.edgefleet.testsupport.EventAssertions;
import io.edgefleet.testsupport.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Agents' inventory reports fill in clusters and nodes; published events carry the state consumers need. */
@QuarkusTest
class AgentReportsTest {

    @Test
    void anInventoryReportCreatesTheClusterAndItsNodes() {
        InventoryApi api = new InventoryApi();
        String identity = enrolledDevice(api, "edge-report-01");
        Events.publish(EventType.AGENT_REPORT, api.org(), identity, report(identity, "site-cluster", "v1.30.4+k3s1"));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api.as("fleet-viewer")
                .when().get("/api/v1/devices/" + identity).then().extract().path("clusterId") != null);
        api.as("fleet-viewer").when().get("/api/v1/devices/" + identity).then()
                .body("distribution", equalTo("k3s")).body("kubernetesVersion", equalTo("v1.30.4+k3s1"))
                .body("agentVersion", equalTo("0.2.0")).body("clusterRole", equalTo("control-plane"));
        api.as("fleet-viewer").when().get("/api/v1/devices/" + identity + "/nodes").then()
                .body("items.name", hasItem("edge-report-01-ledge")).body("items[0].conditions.Ready", equalTo("True"));

        String clusterId = api.as("fleet-viewer").when().get("/api/v1/devices/" + identity).then().extract().path("clusterId");
        api.as("fleet-viewer").when().get("/api/v1/clusters/" + clusterId + "/nodes").then().statusCode(200)
                .body("items.name", hasItem("edge-report-01-ledge")).body("nextCursor", org.hamcrest.Matchers.nullValue());
        JsonNode cluster = EventAssertions.awaitEvent(EventType.CLUSTER_INVENTORY_CHANGED, clusterId, api.org());
        assertEquals("flannel", cluster.path("cni").asText());
        JsonNode updated = lastUpdateOf(identity);
        assertEquals("k3s", updated.path("device").path("distribution").asText());
        assertEquals("edge-report-01", updated.path("device").path("name").asText());
    }

    @Test
    void aKubernetesVersionChangeIsInTheDevicesHistoryAndBumpsItsVersion() {
        InventoryApi api = new InventoryApi();
        String identity = enrolledDevice(api, "edge-upgrade-01");
        String cluster = "upgrade-" + UUID.randomUUID().toString().substring(0, 8);
        Events.publish(EventType.AGENT_REPORT, api.org(), identity, report(identity, cluster, "v1.30.4+k3s1"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "v1.30.4+k3s1".equals(api.as("fleet-viewer")
                .when().get("/api/v1/devices/" + identity).then().extract().path("kubernetesVersion")));
        String before = api.as("fleet-viewer").when().get("/api/v1/devices/" + identity).then().extract().path("resourceVersion");

        Events.publish(EventType.AGENT_REPORT, api.org(), identity, report(identity, cluster, "v1.31.2+k3s1"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "v1.31.2+k3s1".equals(api.as("fleet-viewer")
                .when().get("/api/v1/devices/" + identity).then().extract().path("kubernetesVersion")));
        String after = api.as("fleet-viewer").when().get("/api/v1/devices/" + identity).then().extract().path("resourceVersion");
        assertTrue(Long.parseLong(after) > Long.parseLong(before), before + " -> " + after);
        api.as("fleet-viewer").when().get("/api/v1/devices/" + identity + "/history").then().statusCode(200)
                .body("items.findAll { it.changes.kubernetesVersion?.from == 'v1.30.4+k3s1' }.changes.kubernetesVersion.to",
                        hasItem("v1.31.2+k3s1"));
    }

    @Test
    void aNodeAnotherMachineReportedMovesToTheMachineReportingItNow() {
        InventoryApi api = new InventoryApi();
        String cluster = "reinstalled-" + UUID.randomUUID().toString().substring(0, 8);
        String before = enrolledDevice(api, "edge-reinstalled-01");
        Events.publish(EventType.AGENT_REPORT, api.org(), before, report(before, cluster, "v1.30.4+k3s1"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api.as("fleet-viewer")
                .when().get("/api/v1/devices/" + before + "/nodes").then().extract().<java.util.List<?>>path("items").size() == 1);

        String after = enrolledDevice(api, "edge-reinstalled-01");
        Events.publish(EventType.AGENT_REPORT, api.org(), after, report(after, cluster, "v1.30.4+k3s1"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api.as("fleet-viewer")
                .when().get("/api/v1/devices/" + after + "/nodes").then().extract().<java.util.List<?>>path("items").size() == 1);
        api.as("fleet-viewer").when().get("/api/v1/devices/" + before + "/nodes").then().body("items.size()", equalTo(0));
        String clusterId = api.as("fleet-viewer").when().get("/api/v1/devices/" + after).then().extract().path("clusterId");
        api.as("fleet-viewer").when().get("/api/v1/clusters/" + clusterId + "/nodes").then().statusCode(200)
                .body("items.name", equalTo(java.util.List.of("edge-report-01-ledge")));
        assertTrue(KafkaTestClient.readToEnd(Topics.deadLetterOf(Topics.AGENT_REPORTS, "inventory-service"), Duration.ofSeconds(5))
                .stream().noneMatch(r -> after.equals(r.key())), "the second machine's report is applied, not dead-lettered");
    }

    @Test
    void aMachineReportingTheOtherDistributionCannotJoinTheCluster() {
        InventoryApi api = new InventoryApi();
        api.cluster("k8s-site", "k8s", "v1.30.4");
        String identity = enrolledDevice(api, "edge-mixed-01");
        Events.publish(EventType.AGENT_REPORT, api.org(), identity, report(identity, "k8s-site", "v1.30.4+k3s1"));

        var dead = KafkaTestClient.awaitRecords(Topics.deadLetterOf(Topics.AGENT_REPORTS, "inventory-service"), 1, Duration.ofSeconds(60),
                r -> identity.equals(r.key())).get(0);
        assertTrue(KafkaTestClient.header(dead, "dead-letter-reason").contains("never mixed"));
    }

    @Test
    void theMachinePartOfAReportFillsItsFactsAndItsOwnLabelsApartFromOperators() {
        InventoryApi api = new InventoryApi();
        String identity = enrolledDevice(api, "edge-facts-01");
        api.operator().body(Map.of("labels", Map.of("site", "munich"))).when().patch("/api/v1/devices/" + identity)
                .then().statusCode(200);
        String machine = ",\"machine\":{\"linuxNode\":{\"vcpus\":24,\"memoryMb\":8192,\"storageGb\":100},"
                + "\"windowsNode\":{\"vcpus\":2,\"memoryMb\":4096,\"storageGb\":50},\"network\":{\"staticIp\":\"192.168.7.10\","
                + "\"gateway\":\"192.168.7.1\",\"dns\":[\"192.168.7.1\"]},\"timeZone\":\"Europe/Berlin\"},"
                + "\"reportedLabels\":{\"site\":\"berlin\",\"line\":\"3\"}}}";
        String report = report(identity, "facts-" + identity.substring(0, 8), "v1.30.4+k3s1");
        Events.publish(EventType.AGENT_REPORT, api.org(), identity, report.substring(0, report.length() - 2) + machine);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "Europe/Berlin".equals(api.as("fleet-viewer")
                .when().get("/api/v1/devices/" + identity).then().extract().path("timeZone")));
        api.as("fleet-viewer").when().get("/api/v1/devices/" + identity).then()
                .body("linuxNode.vcpus", equalTo(24)).body("windowsNode.memoryMb", equalTo(4096))
                .body("network.staticIp", equalTo("192.168.7.10"))
                .body("reportedLabels.site", equalTo("berlin")).body("reportedLabels.line", equalTo("3"))
                .body("labels.site", equalTo("munich"));
        api.operator().body(Map.of("labels", Map.of("env", "prod"))).when().patch("/api/v1/devices/" + identity)
                .then().statusCode(200)
                .body("labels.site", equalTo("munich")).body("reportedLabels.site", equalTo("berlin"));

        // A report of protocol 1.0 (no machine part) leaves the machine's facts as they are.
        Events.publish(EventType.AGENT_REPORT, api.org(), identity, report(identity, "facts-" + identity.substring(0, 8),
                "v1.30.5+k3s1"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "v1.30.5+k3s1".equals(api.as("fleet-viewer")
                .when().get("/api/v1/devices/" + identity).then().extract().path("kubernetesVersion")));
        api.as("fleet-viewer").when().get("/api/v1/devices/" + identity).then()
                .body("timeZone", equalTo("Europe/Berlin")).body("reportedLabels.site", equalTo("berlin"));
        JsonNode state = lastUpdateOf(identity).path("device");
        assertEquals("berlin", state.path("reportedLabels").path("site").asText());
    }

    @Test
    void aMachinePartBreakingInventorysLimitsIsDeadLetteredWithTheField() {
        InventoryApi api = new InventoryApi();
        String identity = enrolledDevice(api, "edge-badzone-01");
        String report = report(identity, "badzone-" + identity.substring(0, 8), "v1.30.4+k3s1");
        Events.publish(EventType.AGENT_REPORT, api.org(), identity,
                report.substring(0, report.length() - 2) + ",\"machine\":{\"timeZone\":\"Mars/Olympus\"}}}");
        var dead = KafkaTestClient.awaitRecords(Topics.deadLetterOf(Topics.AGENT_REPORTS, "inventory-service"), 1,
                Duration.ofSeconds(60), r -> identity.equals(r.key())).get(0);
        assertTrue(KafkaTestClient.header(dead, "dead-letter-reason").contains("timeZone"));
    }

    @Inject
    EntityManager entityManager;

    /** The DevStackIT flake: a report overtaking device.enrolled was retried, dead-lettered, and missing for minutes. */
    @Test
    void aReportThatArrivesBeforeTheEnrollmentIsAppliedWhenTheDeviceIsLinked() {
        InventoryApi api = new InventoryApi();
        String identity = UUID.randomUUID().toString();
        String cluster = "early-" + identity.substring(0, 8);
        Events.publish(EventType.AGENT_REPORT, api.org(), identity, report(identity, cluster, "v1.30.4+k3s1"));
        Awaitility.await("report kept for later").atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager.createNativeQuery("SELECT count(*) FROM early_agent_report "
                        + "WHERE identity_id = :id").setParameter("id", UUID.fromString(identity)).getSingleResult()).intValue() == 1));

        Events.publish(EventType.DEVICE_ENROLLED, api.org(), identity, ProvisioningEventsTest.enrolled(identity, "edge-early-01"));
        Awaitility.await("cluster applied on linking").atMost(Duration.ofSeconds(30)).until(() -> api.as("fleet-viewer")
                .when().get("/api/v1/devices/" + identity).then().extract().path("clusterId") != null);
        api.as("fleet-viewer").when().get("/api/v1/devices/" + identity).then().body("kubernetesVersion", equalTo("v1.30.4+k3s1"));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM early_agent_report WHERE identity_id = :id").setParameter("id", UUID.fromString(identity))
                .getSingleResult()).intValue()), "applied once, then gone");
    }

    private static String enrolledDevice(InventoryApi api, String hostname) {
        String identity = UUID.randomUUID().toString();
        Events.publish(EventType.DEVICE_ENROLLED, api.org(), identity, ProvisioningEventsTest.enrolled(identity, hostname));
        ProvisioningEventsTest.awaitDevice(api, identity);
        return identity;
    }

    private static String report(String identity, String cluster, String version) {
        return "{\"deviceId\":\"" + identity + "\",\"kind\":\"inventory\",\"receivedAt\":\"2026-11-29T10:00:00Z\",\"report\":{"
                + "\"cluster\":{\"name\":\"" + cluster + "\",\"kubernetesVersion\":\"" + version + "\"},\"agentVersion\":\"0.2.0\","
                + "\"nodes\":[{\"name\":\"edge-report-01-ledge\",\"role\":\"control-plane\",\"os\":\"linux\","
                + "\"kubeletVersion\":\"" + version + "\",\"capacity\":{\"cpu\":\"4\",\"memory\":\"8Gi\"},"
                + "\"conditions\":{\"Ready\":\"True\"}}]}}";
    }

    private static JsonNode lastUpdateOf(String deviceId) {
        var records = KafkaTestClient.awaitRecords(Topics.INVENTORY_EVENTS, 1, Duration.ofSeconds(30),
                r -> deviceId.equals(r.key()) && EventType.DEVICE_UPDATED.wireName().equals(KafkaTestClient.header(r, "ce_type"))
                        && r.value().contains("\"clusterId\":\""));
        return EventAssertions.assertMatchesSchema(EventType.DEVICE_UPDATED, records.get(records.size() - 1).value());
    }
}
