package io.edgefleet.inventory.messaging;

import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.inventory.InventoryApi;
import io.edgefleet.testsupport.PoisonRecords;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** No record on any topic inventory consumes can stop its consumer or the service (hardening item 1). */
@QuarkusTest
class ConsumerPoisonTest {

    private static final String SERVICE = "inventory-service";

    @Test
    void provisioningEvents() {
        InventoryApi api = new InventoryApi();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        PoisonRecords.assertConsumerSurvives(Topics.PROVISIONING_EVENTS, SERVICE, EventType.DEVICE_ENROLLED.wireName(),
                api.org(), ProvisioningEventsTest.enrolled(UUID.randomUUID().toString(), "edge-never"),
                good(EventType.DEVICE_ENROLLED, api, first, ProvisioningEventsTest.enrolled(first, "edge-poison-1")),
                good(EventType.DEVICE_ENROLLED, api, second, ProvisioningEventsTest.enrolled(second, "edge-poison-2")),
                () -> exists(api, first) && exists(api, second));
    }

    @Test
    void agentReports() {
        InventoryApi api = new InventoryApi();
        String first = enrolled(api, "edge-hb-poison-1");
        String second = enrolled(api, "edge-hb-poison-2");
        PoisonRecords.assertConsumerSurvives(Topics.AGENT_REPORTS, SERVICE, EventType.AGENT_HEARTBEAT.wireName(),
                api.org(), heartbeat(UUID.randomUUID().toString()),
                good(EventType.AGENT_HEARTBEAT, api, first, heartbeat(first)),
                good(EventType.AGENT_HEARTBEAT, api, second, heartbeat(second)),
                () -> connected(api, first) && connected(api, second));
    }

    @Test
    void externalDevices() {
        InventoryApi api = new InventoryApi();
        PoisonRecords.assertConsumerSurvives(Topics.EXTERNAL_DEVICES, SERVICE, EventType.EXTERNAL_DEVICE_UPSERTED.wireName(),
                api.org(), external("CMDB-NEVER"),
                good(EventType.EXTERNAL_DEVICE_UPSERTED, api, "CMDB-P1", external("CMDB-P1")),
                good(EventType.EXTERNAL_DEVICE_UPSERTED, api, "CMDB-P2", external("CMDB-P2")),
                () -> Integer.valueOf(2).equals(api.as("fleet-viewer").when().get("/api/v1/devices").then()
                        .extract().path("items.size()")));
    }

    @Test
    void auditEvents() {
        InventoryApi api = new InventoryApi();
        PoisonRecords.assertConsumerSurvives(Topics.AUDIT_EVENTS, SERVICE, EventType.AUDIT_RECORDED.wireName(),
                api.org(), audit("never"), good(EventType.AUDIT_RECORDED, api, "poison-a", audit("poison-a")),
                good(EventType.AUDIT_RECORDED, api, "poison-b", audit("poison-b")),
                () -> audited(api, "poison-a") && audited(api, "poison-b"));
    }

    private static String audit(String resourceId) {
        return "{\"actor\":{\"kind\":\"service\",\"id\":\"cmdb-sync\"},\"action\":\"external.sync.ran\","
                + "\"resourceType\":\"sync\",\"resourceId\":\"" + resourceId + "\",\"outcome\":\"succeeded\","
                + "\"changes\":[],\"service\":\"cmdb-sync\",\"at\":\"" + Instant.now() + "\"}";
    }

    private static boolean audited(InventoryApi api, String resourceId) {
        return Integer.valueOf(1).equals(api.as("fleet-admin").queryParam("resourceId", resourceId)
                .when().get("/api/v1/audit-events").then().extract().path("items.size()"));
    }

    private static PoisonRecords.Good good(EventType type, InventoryApi api, String key, String data) {
        return new PoisonRecords.Good(key, data, PoisonRecords.headers(type.wireName(), api.org(), key));
    }

    private static String enrolled(InventoryApi api, String hostname) {
        String identity = UUID.randomUUID().toString();
        Events.publish(EventType.DEVICE_ENROLLED, api.org(), identity, ProvisioningEventsTest.enrolled(identity, hostname));
        ProvisioningEventsTest.awaitDevice(api, identity);
        return identity;
    }

    private static String heartbeat(String identity) {
        return "{\"deviceId\":\"" + identity + "\",\"receivedAt\":\"" + Instant.now() + "\"}";
    }

    private static String external(String externalId) {
        return "{\"externalId\":\"" + externalId + "\",\"name\":\"edge-" + externalId.toLowerCase() + "\"}";
    }

    private static boolean exists(InventoryApi api, String id) {
        return api.as("fleet-viewer").when().get("/api/v1/devices/" + id).then().extract().statusCode() == 200;
    }

    private static boolean connected(InventoryApi api, String id) {
        return "connected".equals(api.as("fleet-viewer").when().get("/api/v1/devices/" + id).then().extract()
                .path("connectivity"));
    }
}
