package io.edgefleet.inventory.messaging;

import static org.hamcrest.Matchers.equalTo;

import io.edgefleet.events.EventType;
import io.edgefleet.inventory.InventoryApi;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Enrollment creates or links devices; revocation marks them. */
@QuarkusTest
class ProvisioningEventsTest {

    @Test
    void anEnrolledEventCreatesTheDevice() {
        InventoryApi api = new InventoryApi();
        String identity = UUID.randomUUID().toString();
        Events.publish(EventType.DEVICE_ENROLLED, api.org(), identity, enrolled(identity, "edge-new-01"));

        awaitDevice(api, identity).body("name", equalTo("edge-new-01")).body("lifecycle", equalTo("enrolled"))
                .body("identityId", equalTo(identity)).body("labels.site", equalTo("lab"))
                .body("hostOs", equalTo("Windows 11 IoT Enterprise")).body("hardware.cpuCores", equalTo(8));
    }

    @Test
    void anEnrolledEventLinksThePreRegisteredDeviceOfThatHostname() {
        InventoryApi api = new InventoryApi();
        String preRegistered = api.device("edge-pre-01", Map.of("owner", "ops"));
        String identity = UUID.randomUUID().toString();
        Events.publish(EventType.DEVICE_ENROLLED, api.org(), identity, enrolled(identity, "edge-pre-01"));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "enrolled".equals(
                api.as("fleet-viewer").when().get("/api/v1/devices/" + preRegistered).then().extract().path("lifecycle")));
        api.as("fleet-viewer").when().get("/api/v1/devices/" + preRegistered).then()
                .body("identityId", equalTo(identity)).body("labels.owner", equalTo("ops")).body("labels.site", equalTo("lab"));
        api.as("fleet-viewer").queryParam("q", "edge-pre-01").when().get("/api/v1/devices").then().body("items.size()", equalTo(1));
    }

    @Test
    void aRevokedDeviceIsMarkedCredentialExpired() {
        InventoryApi api = new InventoryApi();
        String identity = UUID.randomUUID().toString();
        Events.publish(EventType.DEVICE_ENROLLED, api.org(), identity, enrolled(identity, "edge-revoked-01"));
        awaitDevice(api, identity);
        Events.publish(EventType.DEVICE_REVOKED, api.org(), identity, "{\"deviceId\":\"" + identity
                + "\",\"revokedBy\":\"op\",\"revokedAt\":\"2026-11-29T10:00:00Z\"}");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "credential-expired".equals(
                api.as("fleet-viewer").when().get("/api/v1/devices/" + identity).then().extract().path("connectivity")));
    }

    static String enrolled(String identity, String hostname) {
        return "{\"deviceId\":\"" + identity + "\",\"enrollmentId\":\"" + UUID.randomUUID() + "\",\"facts\":{\"hostname\":\""
                + hostname + "\",\"hostOs\":\"Windows 11 IoT Enterprise\",\"hardware\":{\"cpuCores\":8,\"memoryMb\":16384},"
                + "\"kubernetes\":{\"distribution\":\"k3s\",\"version\":\"v1.30.4+k3s1\"},\"agentVersion\":\"0.1.0\"},"
                + "\"labels\":{\"site\":\"lab\"},\"enrolledAt\":\"2026-11-29T10:00:00Z\"}";
    }

    static io.restassured.response.ValidatableResponse awaitDevice(InventoryApi api, String id) {
        Awaitility.await("device " + id).atMost(Duration.ofSeconds(30)).until(() ->
                api.as("fleet-viewer").when().get("/api/v1/devices/" + id).then().extract().statusCode() == 200);
        return api.as("fleet-viewer").when().get("/api/v1/devices/" + id).then();
    }
}
