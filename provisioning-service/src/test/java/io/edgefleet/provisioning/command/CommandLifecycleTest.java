package io.edgefleet.provisioning.command;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.provisioning.AgentClient;
import io.edgefleet.provisioning.Commands;
import io.edgefleet.provisioning.TestDevice;
import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Commands through a real WebSocket session: push, order, expiry, cancellation, redelivery. */
@QuarkusTest
class CommandLifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void commandPushedToAConnectedSessionRunsItsFullLifecycle() throws Exception {
        TestDevice.Enrolled device = TestDevice.enrolledDevice();
        try (AgentClient agent = AgentClient.connect(Commands.baseUrl(), device.accessToken())) {
            Commands.awaitSessionOpen(device.deviceId());
            String id = Commands.apply(device.deviceId());

            JsonNode pushed = agent.next("command", WAIT).path("command");
            assertEquals(id, pushed.path("id").asText());
            assertEquals("apply-manifests", pushed.path("type").asText());
            agent.ack(id);
            agent.progress(id);
            agent.succeed(id);

            Commands.awaitStatus(id, "succeeded");
            given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/commands/" + id).then()
                    .body("result.applied", equalTo(2)).body("deliveryAttempts", equalTo(1));
            assertEquals(List.of("queued", "delivered", "acknowledged", "running", "succeeded"),
                    Commands.publishedStatuses(device.deviceId(), id, 5));
        }
    }

    @Test
    void commandsQueuedWhileOfflineArriveInOrderOnConnect() throws Exception {
        TestDevice.Enrolled device = TestDevice.enrolledDevice();
        List<String> ids = List.of(Commands.apply(device.deviceId()), Commands.apply(device.deviceId()),
                Commands.apply(device.deviceId()));
        ids.forEach(id -> assertEquals("queued", Commands.status(id)));

        try (AgentClient agent = AgentClient.connect(Commands.baseUrl(), device.accessToken())) {
            List<String> received = List.of(agent.next("command", WAIT), agent.next("command", WAIT),
                    agent.next("command", WAIT)).stream().map(m -> m.path("command").path("id").asText()).toList();
            assertEquals(ids, received);
        }
        ids.forEach(id -> assertEquals("delivered", Commands.status(id)));
    }

    @Test
    void commandExpiresWhenTheDeviceStaysAway() throws Exception {
        TestDevice.Enrolled device = TestDevice.enrolledDevice();
        String id = Commands.post(device.deviceId(), Map.of("type", "restart-agent", "payload", Map.of(), "ttlSeconds", 1))
                .then().statusCode(201).extract().path("id");
        Commands.awaitStatus(id, "expired");
        try (AgentClient agent = AgentClient.connect(Commands.baseUrl(), device.accessToken())) {
            assertTrue(agent.drain("command", Duration.ofSeconds(2)).isEmpty());
        }
        assertEquals(List.of("queued", "expired"), Commands.publishedStatuses(device.deviceId(), id, 2));
    }

    @Test
    void cancelledCommandIsNeverDelivered() throws Exception {
        TestDevice.Enrolled device = TestDevice.enrolledDevice();
        String cancelled = Commands.apply(device.deviceId());
        given().auth().oauth2(TestTokens.operator()).when().post("/api/v1/commands/" + cancelled + "/cancel")
                .then().statusCode(200).body("status", equalTo("cancelled"));
        String next = Commands.apply(device.deviceId());

        try (AgentClient agent = AgentClient.connect(Commands.baseUrl(), device.accessToken())) {
            assertEquals(next, agent.next("command", WAIT).path("command").path("id").asText());
            agent.ack(next);
            agent.succeed(next);
            Commands.awaitStatus(next, "succeeded");
        }
        given().auth().oauth2(TestTokens.operator()).when().post("/api/v1/commands/" + next + "/cancel")
                .then().statusCode(409).body("code", equalTo("COMMAND_NOT_CANCELLABLE"));
    }

    @Test
    void unacknowledgedCommandIsRedeliveredAfterADroppedSessionAndFinishesOnce() throws Exception {
        TestDevice.Enrolled device = TestDevice.enrolledDevice();
        String id = Commands.apply(device.deviceId());
        try (AgentClient first = AgentClient.connect(Commands.baseUrl(), device.accessToken())) {
            assertEquals(id, first.next("command", WAIT).path("command").path("id").asText());
        }
        try (AgentClient second = AgentClient.connect(Commands.baseUrl(), device.accessToken())) {
            assertEquals(id, second.next("command", WAIT).path("command").path("id").asText());
            second.ack(id);
            second.succeed(id);
            second.succeed(id);
            Commands.awaitStatus(id, "succeeded");
        }
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/commands/" + id).then()
                .body("deliveryAttempts", equalTo(2));
        assertEquals(List.of("queued", "delivered", "acknowledged", "succeeded"),
                Commands.publishedStatuses(device.deviceId(), id, 4));
    }

    @Test
    void aSecondSessionReplacesTheFirst() throws Exception {
        TestDevice.Enrolled device = TestDevice.enrolledDevice();
        try (AgentClient first = AgentClient.connect(Commands.baseUrl(), device.accessToken())) {
            Commands.awaitSessionOpen(device.deviceId());
            AgentClient second = AgentClient.connect(Commands.baseUrl(), device.accessToken());
            assertEquals(4000, first.awaitClose(WAIT));
            String id = Commands.apply(device.deviceId());
            assertEquals(id, second.next("command", WAIT).path("command").path("id").asText());
            second.close();
        }
    }
}
