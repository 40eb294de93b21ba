package io.edgefleet.provisioning.command;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgefleet.provisioning.Commands;
import io.edgefleet.provisioning.TestDevice;
import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the command API accepts and refuses; refusals are problem+json and queue nothing. */
@QuarkusTest
class CommandRequestTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void unknownTypeAndInvalidPayloadAre400s() {
        String device = TestDevice.enrolledDevice().deviceId();
        Commands.post(device, Map.of("type", "format-disk", "payload", Map.of()))
                .then().statusCode(400).contentType(PROBLEM).body("code", equalTo("UNKNOWN_COMMAND_TYPE"));
        Commands.post(device, Map.of("type", "upgrade-kubernetes", "payload", Map.of("targetVersion", "latest")))
                .then().statusCode(400).contentType(PROBLEM).body("code", equalTo("INVALID_COMMAND_PAYLOAD"))
                .body("errors.field", hasItem("payload.targetVersion"));
        Commands.post(device, Map.of("type", "apply-manifests", "payload", Map.of("manifests", "x", "extra", 1)))
                .then().statusCode(400).body("code", equalTo("INVALID_COMMAND_PAYLOAD"));
        Commands.post(device, Map.of("type", "restart-agent", "payload", Map.of(), "ttlSeconds", 0))
                .then().statusCode(400).body("code", equalTo("INVALID_COMMAND_TTL"));
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/devices/" + device + "/commands")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void unknownDeviceIs404AndRevokedDeviceIs409() {
        Commands.post(UUID.randomUUID().toString(), Map.of("type", "restart-agent", "payload", Map.of()))
                .then().statusCode(404).contentType(PROBLEM).body("code", equalTo("DEVICE_NOT_FOUND"));
        String device = TestDevice.enrolledDevice().deviceId();
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/devices/" + device + "/revoke").then().statusCode(200);
        Commands.post(device, Map.of("type", "restart-agent", "payload", Map.of()))
                .then().statusCode(409).contentType(PROBLEM).body("code", equalTo("DEVICE_NOT_COMMANDABLE"));
    }

    @Test
    void aDeviceDecommissionedInInventoryGetsNoMoreCommands() {
        String device = TestDevice.enrolledDevice().deviceId();
        io.edgefleet.testsupport.KafkaTestClient.publish(io.edgefleet.events.Topics.INVENTORY_EVENTS, device,
                "{\"deviceId\":\"" + UUID.randomUUID() + "\",\"identityId\":\"" + device
                        + "\",\"decommissionedAt\":\"2026-11-29T10:00:00Z\"}",
                Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/test",
                        "ce_type", io.edgefleet.events.EventType.DEVICE_DECOMMISSIONED.wireName(), "ce_orgid", "default"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                Commands.post(device, Map.of("type", "restart-agent", "payload", Map.of())).then().extract().statusCode() == 409);
        Commands.post(device, Map.of("type", "restart-agent", "payload", Map.of()))
                .then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString("decommissioned"));
    }

    /** Hardening item 7: a 300-character Idempotency-Key header was stored. */
    @Test
    void oversizedIdempotencyKeysAreRefused() {
        String device = TestDevice.enrolledDevice().deviceId();
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(300))
                .body(Map.of("type", "restart-agent", "payload", Map.of())).when().post("/api/v1/devices/" + device + "/commands")
                .then().statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("idempotencyKey"));
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/devices/" + device + "/commands")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void idempotencyKeyReturnsTheEarlierCommand() {
        String device = TestDevice.enrolledDevice().deviceId();
        Map<String, Object> body = Map.of("type", "collect-diagnostics", "payload", Map.of("sinceMinutes", 30),
                "idempotencyKey", "diag-1");
        String first = Commands.post(device, body).then().statusCode(201).extract().path("id");
        String again = Commands.post(device, body).then().statusCode(200).extract().path("id");
        assertEquals(first, again);
        Commands.post(device, Map.of("type", "collect-diagnostics", "payload", Map.of("sinceMinutes", 60),
                        "idempotencyKey", "diag-1"))
                .then().statusCode(409).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void aDevicesCommandsAreListedNewestFirstUnlessAskedOtherwise() {
        String device = TestDevice.enrolledDevice().deviceId();
        List<String> requested = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            requested.add(Commands.post(device, Map.of("type", "restart-agent", "payload", Map.of()))
                    .then().statusCode(201).extract().path("id"));
        }
        List<String> newestFirst = new ArrayList<>(requested);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, commandIds(device, null));
        assertEquals(requested, commandIds(device, "createdAt"));
        given().auth().oauth2(TestTokens.viewer()).queryParam("sort", "name").when()
                .get("/api/v1/devices/" + device + "/commands").then().statusCode(400).contentType(PROBLEM);
    }

    private static List<String> commandIds(String device, String sort) {
        List<String> ids = new ArrayList<>();
        String cursor = "";
        do {
            var page = given().auth().oauth2(TestTokens.viewer()).queryParam("limit", 2).queryParam("cursor", cursor)
                    .queryParam("sort", sort == null ? "" : sort).when().get("/api/v1/devices/" + device + "/commands")
                    .then().statusCode(200).extract();
            ids.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return ids;
    }

    @Test
    void otherOrganizationsCannotSeeOrCommandOurDevices() {
        String device = TestDevice.enrolledDevice().deviceId();
        String id = Commands.apply(device);
        String stranger = TestTokens.forRole("fleet-admin", "other-org");
        given().auth().oauth2(stranger).when().get("/api/v1/commands/" + id).then().statusCode(404);
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(Map.of("type", "restart-agent", "payload", Map.of()))
                .when().post("/api/v1/devices/" + device + "/commands").then().statusCode(404);
    }

    @Test
    void viewersCannotRequestCommands() {
        String device = TestDevice.enrolledDevice().deviceId();
        given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON)
                .body(Map.of("type", "restart-agent", "payload", Map.of()))
                .when().post("/api/v1/devices/" + device + "/commands").then().statusCode(403).contentType(PROBLEM);
    }
}
