package io.edgefleet.agent.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.edgefleet.agent.Agent;
import io.edgefleet.agent.simulator.FleetSimulator;
import io.edgefleet.testsupport.EdgeFleetInfra;
import io.edgefleet.testsupport.ServiceProcess;
import io.edgefleet.testsupport.TestTokens;
import io.restassured.RestAssured;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The simulator's devices enroll, connect and execute commands against a real provisioning-service. */
class SimulatorIT {

    private static final int DEVICES = 25;

    @Test
    void simulatedFleetConnectsAndUpgrades() throws Exception {
        try (ServiceProcess provisioning = new ServiceProcess(Path.of(System.getProperty("edgefleet.provisioning.jar")),
                new EdgeFleetInfra().start()).start()) {
            String url = provisioning.baseUrl();
            RestAssured.baseURI = url.substring(0, url.lastIndexOf(':'));
            RestAssured.port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
            String token = AgentIT.enrollmentToken();
            try (FleetSimulator fleet = new FleetSimulator(new FleetSimulator.Options(DEVICES, URI.create(url), token,
                    Duration.ofSeconds(30), Duration.ofMillis(500), 0, Duration.ZERO, "sim", 42, null, Duration.ofMinutes(1))).start()) {
                Awaitility.await("all simulated devices connected").atMost(Duration.ofSeconds(90))
                        .until(() -> fleet.connected() == DEVICES);

                Agent k3s = fleet.agents().get(0);
                String upgrade = AgentIT.command(k3s.deviceId(), "upgrade-kubernetes", Map.of("targetVersion", "v1.30.5+k3s1"));
                AgentIT.awaitStatus(upgrade, "succeeded");
                String wrong = AgentIT.command(k3s.deviceId(), "upgrade-kubernetes", Map.of("targetVersion", "v1.31.0"));
                AgentIT.awaitStatus(wrong, "failed");
                given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/commands/" + wrong).then()
                        .body("failureReason", containsString("never switched"));
            }
        }
    }
}
