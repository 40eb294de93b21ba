package io.edgefleet.provisioning.command;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgefleet.provisioning.AgentClient;
import io.edgefleet.provisioning.Commands;
import io.edgefleet.provisioning.TestDevice;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Sessions open, commands by state and dispatch latency are exposed to Prometheus. */
@QuarkusTest
class CommandMetricsTest {

    @Test
    void gatewayAndCommandMetricsAreExposed() throws Exception {
        TestDevice.Enrolled device = TestDevice.enrolledDevice();
        try (AgentClient agent = AgentClient.connect(Commands.baseUrl(), device.accessToken())) {
            Commands.awaitSessionOpen(device.deviceId());
            String id = Commands.apply(device.deviceId());
            agent.next("command", Duration.ofSeconds(20));
            Commands.awaitStatus(id, "delivered");
            String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(metrics.matches("(?s).*edgefleet_agent_sessions_open(\\{[^}]*\\})? [1-9].*"),
                    "a session is open");
            assertTrue(metrics.contains("edgefleet_command_dispatch_latency_seconds_bucket"));
            Awaitility.await("delivered commands counted").atMost(Duration.ofSeconds(30)).until(() -> given().when()
                    .get("/q/metrics").then().extract().asString()
                    .matches("(?s).*edgefleet_commands\\{status=\"delivered\"\\} [1-9].*"));
        }
    }
}
