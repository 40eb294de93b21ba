package io.edgefleet.provisioning.command;

import static io.restassured.RestAssured.given;

import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.provisioning.Commands;
import io.edgefleet.provisioning.TestDevice;
import io.edgefleet.testsupport.PoisonRecords;
import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** No record on any topic provisioning consumes can stop its consumer or the service (hardening item 1). */
@QuarkusTest
class ConsumerPoisonTest {

    private static final String SERVICE = "provisioning-service";

    @Test
    void commandRequests() {
        String device = TestDevice.enrolledDevice().deviceId();
        PoisonRecords.assertConsumerSurvives(Topics.COMMAND_REQUESTS, SERVICE, EventType.COMMAND_REQUESTED.wireName(),
                "default", restart(device, "never"),
                good(EventType.COMMAND_REQUESTED, device, restart(device, "poison-good-1")),
                good(EventType.COMMAND_REQUESTED, device, restart(device, "poison-good-2")),
                () -> Integer.valueOf(2).equals(given().auth().oauth2(TestTokens.viewer())
                        .when().get("/api/v1/devices/" + device + "/commands").then().extract().path("items.size()")));
    }

    @Test
    void inventoryEvents() {
        String first = TestDevice.enrolledDevice().deviceId();
        String second = TestDevice.enrolledDevice().deviceId();
        PoisonRecords.assertConsumerSurvives(Topics.INVENTORY_EVENTS, SERVICE, EventType.DEVICE_DECOMMISSIONED.wireName(),
                "default", decommissioned(UUID.randomUUID().toString()),
                good(EventType.DEVICE_DECOMMISSIONED, first, decommissioned(first)),
                good(EventType.DEVICE_DECOMMISSIONED, second, decommissioned(second)),
                () -> refused(first) && refused(second));
    }

    private static PoisonRecords.Good good(EventType type, String key, String data) {
        return new PoisonRecords.Good(key, data, PoisonRecords.headers(type.wireName(), "default", key));
    }

    private static String restart(String device, String idempotencyKey) {
        return "{\"deviceId\":\"" + device + "\",\"type\":\"restart-agent\",\"payload\":{},\"idempotencyKey\":\""
                + idempotencyKey + "\"}";
    }

    private static String decommissioned(String identity) {
        return "{\"deviceId\":\"" + UUID.randomUUID() + "\",\"identityId\":\"" + identity
                + "\",\"decommissionedAt\":\"2026-11-29T10:00:00Z\"}";
    }

    private static boolean refused(String device) {
        return Commands.post(device, Map.of("type", "restart-agent", "payload", Map.of())).then().extract().statusCode() == 409;
    }
}
