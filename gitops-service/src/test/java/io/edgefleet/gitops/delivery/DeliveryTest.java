package io.edgefleet.gitops.delivery;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.gitops.GitOpsApi;
import io.edgefleet.gitops.GitOpsApi.Machine;
import io.edgefleet.testsupport.EventAssertions;
import io.edgefleet.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A configuration reaches the machines it targets (told by a sync-configurations command, fetched
 * over the device API with its credentials and their own label values) and their agents' reports
 * become compliance, published on fleet.gitops.status.
 */
@QuarkusTest
class DeliveryTest {

    private final GitOpsApi api = new GitOpsApi();

    @Test
    void targetedMachinesAreToldFetchTheirOwnValuesAndReportCompliance() {
        Machine berlin = api.machine(Map.of("fleet", "demo", "site", "berlin"));
        Machine paris = api.machine(Map.of("fleet", "demo", "site", "paris"));
        Machine other = api.machine(Map.of("fleet", "other", "site", "rome"));
        String id = api.operator().body(GitOpsApi.configuration("podinfo", "{\"labelSelector\":\"fleet=demo\"}", "./apps"))
                .post("/api/v1/configurations").then().statusCode(201).extract().path("id");

        String toldBerlin = awaitNudge(berlin, Set.of());
        awaitNudge(paris, Set.of());
        assertEquals(List.of(), nudges(other), "a machine outside the target is not told");
        JsonPath set = JsonPath.from(api.agent(berlin).get("/api/v1/agent/configurations").then().statusCode(200)
                .header("ETag", not(equalTo(null))).extract().asString());
        assertEquals(true, set.getBoolean("applies"));
        assertEquals(toldBerlin, set.getString("fingerprint"), "told of the set it then fetches");
        assertEquals(id, set.getString("configurations[0].id"));
        assertEquals("s3cret-pa55", set.getString("configurations[0].source.credentials.password"), "the device gets its credentials");
        assertEquals("berlin", set.getString("configurations[0].kustomizations[0].substitute.SITE"));
        api.agent(paris).get("/api/v1/agent/configurations").then().statusCode(200)
                .body("configurations[0].kustomizations[0].substitute.SITE", equalTo("paris"));
        api.agent(other).get("/api/v1/agent/configurations").then().statusCode(200).body("configurations.size()", equalTo(0));
        api.viewer().get("/api/v1/configurations/" + id + "/compliance").then().statusCode(200)
                .body("items.state", equalTo(List.of("pending", "pending")));

        report(berlin, id, "0", "True", "ReconciliationSucceeded", "Applied revision: main@sha1:abc", true);
        report(paris, id, "0", "False", "BuildFailed", "kustomization path not found: ./apps", true);
        ConsumerRecord<String, String> event = KafkaTestClient.awaitRecords(Topics.GITOPS_STATUS, 1, Duration.ofSeconds(30),
                r -> berlin.device().equals(r.key()) && r.value().contains("\"state\":\"compliant\"")).get(0);
        assertEquals(api.org(), KafkaTestClient.header(event, "ce_orgid"));
        assertEquals(EventType.GITOPS_COMPLIANCE_CHANGED.wireName(), KafkaTestClient.header(event, "ce_type"));
        JsonNode compliant = EventAssertions.assertMatchesSchema(EventType.GITOPS_COMPLIANCE_CHANGED, event.value());
        assertEquals("compliant", compliant.get("state").asText());
        assertEquals("pending", compliant.get("previousState").asText());
        assertEquals("main@sha1:abc", compliant.get("revision").asText());
        api.viewer().queryParam("state", "non-compliant").get("/api/v1/configurations/" + id + "/compliance").then().statusCode(200)
                .body("items.clusterId", equalTo(List.of(paris.device())))
                .body("items[0].message", equalTo("k0: BuildFailed: kustomization path not found: ./apps"));
        api.viewer().get("/api/v1/configuration-compliance/summary").then().statusCode(200)
                .body("clusters.compliant", equalTo(1)).body("clusters.non-compliant", equalTo(1))
                .body("configurations[0].name", equalTo("podinfo"));
        api.viewer().get("/api/v1/configurations/" + id + "/compliance/history").then().statusCode(200)
                .body("items.state", hasItem("compliant"));
        List<ConsumerRecord<String, String>> status = KafkaTestClient.readToEnd(Topics.GITOPS_STATUS, Duration.ofSeconds(10));
        assertFalse(status.stream().anyMatch(r -> r.value() != null && r.value().contains("s3cret-pa55")), "no credential on Kafka");
    }

    @Test
    void withoutFluxEveryConfigurationIsNonCompliantAndSuspendingOrDeletingReachesTheMachine() {
        Machine machine = api.machine(Map.of("fleet", "flux", "site", "oslo"));
        String id = api.operator().body(GitOpsApi.configuration("infra", "{\"labelSelector\":\"fleet=flux\"}", "./infra"))
                .post("/api/v1/configurations").then().statusCode(201).extract().path("id");
        String first = api.agent(machine).get("/api/v1/agent/configurations").then().statusCode(200).extract().path("fingerprint");
        report(machine, id, "0", "True", null, null, false);
        api.viewer().get("/api/v1/configurations/" + id + "/compliance").then().statusCode(200)
                .body("items[0].state", equalTo("non-compliant")).body("items[0].message", org.hamcrest.Matchers.startsWith("flux-not-installed"));

        String suspended = GitOpsApi.configuration("infra", "{\"labelSelector\":\"fleet=flux\"}", "./infra")
                .replace("\"target\"", "\"suspend\":true,\"target\"");
        api.operator().body(suspended).put("/api/v1/configurations/" + id).then().statusCode(200);
        String told = awaitNudge(machine, Set.of(first));
        String second = api.agent(machine).get("/api/v1/agent/configurations").then().statusCode(200)
                .body("configurations[0].suspend", equalTo(true)).extract().path("fingerprint");
        assertNotEquals(first, second);
        assertEquals(told, second);
        api.viewer().get("/api/v1/configurations/" + id + "/compliance").then().statusCode(200).body("items[0].state", equalTo("suspended"));

        api.operator().delete("/api/v1/configurations/" + id).then().statusCode(204);
        awaitNudge(machine, Set.of(first, second));
        api.agent(machine).get("/api/v1/agent/configurations").then().statusCode(200).body("configurations.size()", equalTo(0));
    }

    @Test
    void oneMachineOfAClusterAppliesItsConfigurationsTheControlPlaneFirst() {
        String cluster = UUID.randomUUID().toString();
        Machine worker = api.clusterMachine(cluster, "worker");
        Machine controlPlane = api.clusterMachine(cluster, "control-plane");
        String id = api.operator().body(GitOpsApi.configuration("edge", "{\"clusters\":[\"" + cluster + "\"]}", "./edge")
                .replace(",\"substituteFromLabels\":{\"SITE\":\"site\"}", "")).post("/api/v1/configurations").then().statusCode(201)
                .extract().path("id");
        awaitNudge(controlPlane, Set.of());
        api.agent(controlPlane).get("/api/v1/agent/configurations").then().statusCode(200).body("applies", equalTo(true))
                .body("clusterId", equalTo(cluster)).body("configurations.size()", equalTo(1));
        api.agent(worker).get("/api/v1/agent/configurations").then().statusCode(200).body("applies", equalTo(false))
                .body("configurations.size()", equalTo(0));
        api.agent(worker).body(statusBody(id, "0", "True", null, null, true)).put("/api/v1/agent/configurations/status").then()
                .statusCode(409).body("code", equalTo("NOT_THE_APPLYING_MACHINE"));
        report(controlPlane, id, "0", "True", null, "ok", true);
        api.viewer().get("/api/v1/configurations/" + id + "/compliance").then().statusCode(200)
                .body("items.clusterId", equalTo(List.of(cluster))).body("items[0].deviceId", equalTo(controlPlane.device()))
                .body("items[0].state", equalTo("compliant"));
    }

    @Test
    void aMachineThatJoinsItsClusterLeavesNoRowOfTheClusterOfOneItWasBefore() {
        Machine machine = api.machine(Map.of("fleet", "oslo"));
        String id = api.operator().body(GitOpsApi.configuration("oslo", "{\"labelSelector\":\"fleet=oslo\"}", "./apps")
                .replace(",\"substituteFromLabels\":{\"SITE\":\"site\"}", "")).post("/api/v1/configurations").then()
                .statusCode(201).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> api.viewer()
                .get("/api/v1/configurations/" + id + "/compliance").then().statusCode(200)
                .body("items.clusterId", equalTo(List.of(machine.device()))));

        String cluster = UUID.randomUUID().toString();
        api.joins(machine, Map.of("fleet", "oslo"), cluster, "control-plane");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> api.viewer()
                .get("/api/v1/configurations/" + id + "/compliance").then().statusCode(200)
                .body("items.clusterId", equalTo(List.of(cluster))).body("items[0].state", equalTo("pending")));
    }

    @Test
    void substitutionsReadTheLabelsAnAgentReportsUnlessAnOperatorSetTheLabel() {
        Machine installed = api.machine(Map.of("fleet", "lyon"), Map.of("site", "lyon-1"));
        Machine relabelled = api.machine(Map.of("fleet", "lyon", "site", "lyon-2"), Map.of("site", "lyon-1"));
        api.operator().body(GitOpsApi.configuration("sites", "{\"labelSelector\":\"fleet=lyon\"}", "./apps"))
                .post("/api/v1/configurations").then().statusCode(201);
        awaitNudge(installed, Set.of());
        api.agent(installed).get("/api/v1/agent/configurations").then().statusCode(200)
                .body("configurations[0].kustomizations[0].substitute.SITE", equalTo("lyon-1"));
        api.agent(relabelled).get("/api/v1/agent/configurations").then().statusCode(200)
                .body("configurations[0].kustomizations[0].substitute.SITE", equalTo("lyon-2"));
    }

    private void report(Machine machine, String configuration, String version, String ready, String reason, String message,
                        boolean fluxInstalled) {
        api.agent(machine).body(statusBody(configuration, version, ready, reason, message, fluxInstalled))
                .put("/api/v1/agent/configurations/status").then().statusCode(204);
    }

    private static String statusBody(String configuration, String version, String ready, String reason, String message,
                                     boolean fluxInstalled) {
        return "{\"fluxInstalled\":" + fluxInstalled + ",\"configurations\":[{\"id\":\"" + configuration + "\",\"resourceVersion\":\""
                + version + "\",\"kustomizations\":[{\"name\":\"k0\",\"ready\":\"" + ready + "\",\"reason\":"
                + (reason == null ? "null" : "\"" + reason + "\"") + ",\"message\":" + (message == null ? "null" : "\"" + message + "\"")
                + ",\"revision\":\"main@sha1:abc\"}]}]}";
    }

    /** Waits until {@code machine} is told of a set other than {@code known}; returns that set's fingerprint. */
    private static String awaitNudge(Machine machine, Set<String> known) {
        String[] told = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            told[0] = nudges(machine).stream().filter(f -> !known.contains(f)).findFirst().orElse(null);
            return told[0] != null;
        });
        return told[0];
    }

    /** The fingerprints {@code machine} was told of, in order, each request checked against its schema. */
    private static List<String> nudges(Machine machine) {
        return KafkaTestClient.readToEnd(Topics.COMMAND_REQUESTS, Duration.ofSeconds(10)).stream()
                .filter(r -> machine.identity().equals(r.key()) && r.value().contains("\"sync-configurations\""))
                .map(r -> EventAssertions.assertMatchesSchema(EventType.COMMAND_REQUESTED, r.value()).path("payload")
                        .path("fingerprint").asText())
                .toList();
    }
}
