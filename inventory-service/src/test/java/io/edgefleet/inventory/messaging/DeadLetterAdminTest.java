package io.edgefleet.inventory.messaging;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.edgefleet.events.EventType;
import io.edgefleet.inventory.InventoryApi;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Hardening item 15: an admin lists, inspects and replays dead letters through the normal
 * consumer; the replay is recorded, and a replay of what is applied already changes nothing.
 */
@QuarkusTest
class DeadLetterAdminTest {

    private static final String ADMIN = "/api/v1/admin/dead-letters";

    /** A report that could not be applied then (its cluster ran the other distribution) is replayed once that is mended. */
    @Test
    void aRefusedReportIsReplayedOnceItsCauseIsMended() {
        InventoryApi api = new InventoryApi();
        String identity = UUID.randomUUID().toString();
        String site = "replay-" + identity.substring(0, 8);
        String cluster = api.cluster(site, "k8s", "v1.30.4");
        Events.publish(EventType.DEVICE_ENROLLED, api.org(), identity, ProvisioningEventsTest.enrolled(identity, "edge-late-01"));
        ProvisioningEventsTest.awaitDevice(api, identity);
        Events.publish(EventType.AGENT_REPORT, api.org(), identity, "{\"deviceId\":\"" + identity + "\",\"kind\":\"inventory\","
                + "\"receivedAt\":\"2026-12-01T10:00:00Z\",\"report\":{\"cluster\":{\"name\":\"" + site + "\","
                + "\"kubernetesVersion\":\"v1.30.4+k3s1\"},\"nodes\":[{\"name\":\"late-node\",\"role\":\"control-plane\"}]}}");
        String id = Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> deadLetterFor(api, identity), found -> found != null);

        api.as("fleet-admin").when().get(ADMIN + "/" + id).then().statusCode(200)
                .body("errorCode", equalTo("INVALID_EVENT_DATA")).body("key", equalTo(identity))
                .body("value.encoding", equalTo("utf-8")).body("value.data", startsWith("{\"deviceId\":\"" + identity));
        api.as("fleet-operator").when().get(ADMIN).then().statusCode(403);

        // The operator removes the k8s cluster of that name: the k3s machine's report now makes its own.
        api.as("fleet-admin").when().delete("/api/v1/clusters/" + cluster).then().statusCode(204);
        api.as("fleet-admin").when().post(ADMIN + "/" + id + "/replay").then().statusCode(200)
                .body("outcome", equalTo("processed"));
        api.as("fleet-viewer").when().get("/api/v1/devices/" + identity).then().body("kubernetesVersion", equalTo("v1.30.4+k3s1"));
        api.as("fleet-admin").when().get(ADMIN + "/" + id).then().body("replayOutcome", equalTo("processed"))
                .body("replayedAt", org.hamcrest.Matchers.notNullValue()).body("replayedBy", org.hamcrest.Matchers.notNullValue());
        api.as("fleet-admin").when().post(ADMIN + "/" + id + "/replay").then().statusCode(200)
                .body("outcome", equalTo("duplicate"));
    }

    @Test
    void unknownAndMalformedIdsAreProblems() {
        InventoryApi api = new InventoryApi();
        api.as("fleet-admin").when().get(ADMIN + "/" + UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        api.as("fleet-admin").when().post(ADMIN + "/" + UUID.randomUUID() + "/replay").then().statusCode(404);
        api.as("fleet-admin").queryParam("labelSelector", "a=b").when().get(ADMIN).then().statusCode(400);
    }

    private static String deadLetterFor(InventoryApi api, String key) {
        List<Map<String, Object>> items = api.as("fleet-admin").queryParam("consumer", "inventory-service/agent-reports")
                .queryParam("limit", 500).when().get(ADMIN).then().statusCode(200).extract().path("items");
        return items.stream().filter(i -> key.equals(i.get("key"))).map(i -> (String) i.get("id")).findFirst().orElse(null);
    }
}
