package io.edgefleet.provisioning.gateway;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgefleet.events.agent.AgentProtocol;
import io.edgefleet.provisioning.AgentClient;
import io.edgefleet.provisioning.Commands;
import io.edgefleet.provisioning.TestDevice;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The gateway speaks the current and the previous minor version of the agent protocol, and says so otherwise. */
@QuarkusTest
class AgentProtocolTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {AgentProtocol.CURRENT, AgentProtocol.PREVIOUS})
    void anAgentOfTheCurrentOrPreviousVersionGetsItsCommands(String protocol) throws Exception {
        TestDevice.Enrolled device = TestDevice.enrolledDevice();
        try (AgentClient agent = AgentClient.connect(Commands.baseUrl(), device.accessToken(), protocol)) {
            Commands.awaitSessionOpen(device.deviceId());
            String id = Commands.apply(device.deviceId());
            assertEquals(id, agent.next("command", Duration.ofSeconds(20)).path("command").path("id").asText());
            agent.ack(id);
            agent.succeed(id);
            Commands.awaitStatus(id, "succeeded");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.0", "1.2", "0.9", "one"})
    void anotherVersionIsRefusedBeforeTheSessionOpens(String protocol) {
        TestDevice.Enrolled device = TestDevice.enrolledDevice();
        RestAssured.given().header("Connection", "Upgrade").header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .header(AgentProtocol.HEADER, protocol).auth().oauth2(device.accessToken())
                .when().get("/api/v1/agent/session")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("AGENT_PROTOCOL_UNSUPPORTED"))
                .body("detail", containsString(AgentProtocol.CURRENT + " and " + AgentProtocol.PREVIOUS));
    }
}
