package io.edgefleet.provisioning.command;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgefleet.provisioning.AgentClient;
import io.edgefleet.provisioning.Commands;
import io.edgefleet.provisioning.TestDevice;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** A device reaches only its own commands, and only with a valid device token. */
@QuarkusTest
class DeviceIsolationTest {

    /** Hardening item 8: a refused session upgrade says why, as problem+json. */
    @Test
    void aRefusedSessionUpgradeIsAProblem() {
        io.restassured.RestAssured.given().header("Connection", "Upgrade").header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .auth().oauth2("not-a-device-token").when().get("/api/v1/agent/session")
                .then().statusCode(401).contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("DEVICE_TOKEN_INVALID"));
    }

    @Test
    void aDeviceCannotReadOrActOnAnotherDevicesCommand() throws Exception {
        TestDevice.Enrolled owner = TestDevice.enrolledDevice();
        TestDevice.Enrolled intruder = TestDevice.enrolledDevice();
        String id = Commands.apply(owner.deviceId());

        given().auth().oauth2(intruder.accessToken()).when().get("/api/v1/device/commands/" + id)
                .then().statusCode(403).body("code", equalTo("COMMAND_OF_ANOTHER_DEVICE"));
        given().auth().oauth2(intruder.accessToken()).contentType(ContentType.JSON).body(Map.of("status", "succeeded"))
                .when().post("/api/v1/device/commands/" + id + "/status")
                .then().statusCode(403).body("code", equalTo("COMMAND_OF_ANOTHER_DEVICE"));
        try (AgentClient agent = AgentClient.connect(Commands.baseUrl(), intruder.accessToken())) {
            agent.ack(id);
            assertEquals("COMMAND_OF_ANOTHER_DEVICE", agent.next("error", Duration.ofSeconds(10)).path("code").asText());
        }
        assertEquals("queued", Commands.status(id));
    }

    @Test
    void sessionNeedsAValidDeviceToken() {
        CompletionException refused = assertThrows(CompletionException.class,
                () -> AgentClient.connect(Commands.baseUrl(), "not-a-token"));
        assertEquals(401, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
    }

    @Test
    void revocationClosesTheLiveSession() throws Exception {
        TestDevice.Enrolled device = TestDevice.enrolledDevice();
        try (AgentClient agent = AgentClient.connect(Commands.baseUrl(), device.accessToken())) {
            Commands.awaitSessionOpen(device.deviceId());
            given().auth().oauth2(io.edgefleet.testsupport.TestTokens.operator()).contentType(ContentType.JSON)
                    .body(Map.of("reason", "test")).when().post("/api/v1/devices/" + device.deviceId() + "/revoke")
                    .then().statusCode(200);
            assertEquals(4003, agent.awaitClose(Duration.ofSeconds(20)));
        }
    }
}
