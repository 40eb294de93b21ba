package io.edgefleet.inventory.messaging;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.inventory.InventoryApi;
import io.edgefleet.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Other systems upsert devices by external id; bad records are dead-lettered with a reason. */
@QuarkusTest
class ExternalDevicesTest {

    @Test
    void upsertCreatesThenUpdatesByExternalId() {
        InventoryApi api = new InventoryApi();
        Events.publish(EventType.EXTERNAL_DEVICE_UPSERTED, api.org(), "CMDB-7",
                "{\"externalId\":\"CMDB-7\",\"name\":\"edge-cmdb-7\",\"labels\":{\"site\":\"oslo\"},"
                        + "\"linuxNode\":{\"vcpus\":4,\"memoryMb\":8192}}");
        awaitCount(api, 1);
        Events.publish(EventType.EXTERNAL_DEVICE_UPSERTED, api.org(), "CMDB-7",
                "{\"externalId\":\"CMDB-7\",\"name\":\"edge-cmdb-7\",\"labels\":{\"rack\":\"r2\"},"
                        + "\"linuxNode\":{\"vcpus\":8,\"memoryMb\":8192}}");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(8).equals(api.as("fleet-viewer")
                .when().get("/api/v1/devices").then().extract().path("items[0].linuxNode.vcpus")));
        api.as("fleet-viewer").when().get("/api/v1/devices").then().body("items.size()", equalTo(1))
                .body("items[0].labels.site", equalTo("oslo")).body("items[0].labels.rack", equalTo("r2"))
                .body("items[0].externalId", equalTo("CMDB-7"));
    }

    /** Hardening item 14: a partial record merges (RFC 7396) instead of replacing the device. */
    @Test
    void aPartialRecordMergesIntoTheDevice() {
        InventoryApi api = new InventoryApi();
        Events.publish(EventType.EXTERNAL_DEVICE_UPSERTED, api.org(), "CMDB-M", "{\"externalId\":\"CMDB-M\",\"name\":\"edge-m\","
                + "\"labels\":{\"site\":\"oslo\",\"rack\":\"r1\"},\"hostOs\":\"Windows 11 IoT\","
                + "\"linuxNode\":{\"vcpus\":4,\"memoryMb\":8192}}");
        awaitCount(api, 1);
        Events.publish(EventType.EXTERNAL_DEVICE_UPSERTED, api.org(), "CMDB-M", "{\"externalId\":\"CMDB-M\","
                + "\"labels\":{\"rack\":\"r2\",\"site\":null},\"hostOs\":null}");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "r2".equals(api.as("fleet-viewer")
                .when().get("/api/v1/devices").then().extract().path("items[0].labels.rack")));
        api.as("fleet-viewer").when().get("/api/v1/devices").then().body("items.size()", equalTo(1))
                .body("items[0].name", equalTo("edge-m")).body("items[0].linuxNode.vcpus", equalTo(4))
                .body("items[0].labels.site", org.hamcrest.Matchers.nullValue())
                .body("items[0].hostOs", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void anExternalRecordNeverOverwritesWhatTheAgentReports() {
        InventoryApi api = new InventoryApi();
        Events.publish(EventType.EXTERNAL_DEVICE_UPSERTED, api.org(), "CMDB-A", "{\"externalId\":\"CMDB-A\","
                + "\"name\":\"edge-agent-owned\",\"linuxNode\":{\"vcpus\":4,\"memoryMb\":8192}}");
        awaitCount(api, 1);
        String identity = java.util.UUID.randomUUID().toString();
        Events.publish(EventType.DEVICE_ENROLLED, api.org(), identity, ProvisioningEventsTest.enrolled(identity, "edge-agent-owned"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "enrolled".equals(api.as("fleet-viewer")
                .when().get("/api/v1/devices").then().extract().path("items[0].lifecycle")));
        Object hostOs = api.as("fleet-viewer").when().get("/api/v1/devices").then().extract().path("items[0].hostOs");
        Events.publish(EventType.EXTERNAL_DEVICE_UPSERTED, api.org(), "CMDB-A", "{\"externalId\":\"CMDB-A\","
                + "\"hostOs\":\"Something else\",\"linuxNode\":{\"vcpus\":8},\"labels\":{\"tier\":\"gold\"}}");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "gold".equals(api.as("fleet-viewer")
                .when().get("/api/v1/devices").then().extract().path("items[0].labels.tier")));
        api.as("fleet-viewer").when().get("/api/v1/devices").then().body("items[0].linuxNode.vcpus", equalTo(4))
                .body("items[0].hostOs", equalTo(hostOs));
    }

    @Test
    void aRecordBreakingARuleIsDeadLetteredWithTheRule() {
        InventoryApi api = new InventoryApi();
        Events.publish(EventType.EXTERNAL_DEVICE_UPSERTED, api.org(), "CMDB-BAD",
                "{\"externalId\":\"CMDB-BAD\",\"name\":\"edge-bad\",\"linuxNode\":{\"vcpus\":32,\"memoryMb\":8192}}");
        Events.publish(EventType.EXTERNAL_DEVICE_UPSERTED, api.org(), "CMDB-GOOD",
                "{\"externalId\":\"CMDB-GOOD\",\"name\":\"edge-good\"}");

        awaitCount(api, 1);
        var dead = KafkaTestClient.awaitRecords(Topics.deadLetterOf(Topics.EXTERNAL_DEVICES, "inventory-service"), 1, Duration.ofSeconds(60),
                r -> "CMDB-BAD".equals(r.key())).get(0);
        String reason = KafkaTestClient.header(dead, "dead-letter-reason");
        assertTrue(reason.contains("linuxNode.vcpus"), reason);
        // The contract's schema bounds vcpus, so the record fails as a body over a bound fails over REST.
        assertEquals("VALIDATION_FAILED", KafkaTestClient.header(dead, "dead-letter-code"));
        api.as("fleet-viewer").when().get("/api/v1/devices").then().body("items[0].name", equalTo("edge-good"));
    }

    private static void awaitCount(InventoryApi api, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(count).equals(
                api.as("fleet-viewer").when().get("/api/v1/devices").then().extract().path("items.size()")));
    }
}
