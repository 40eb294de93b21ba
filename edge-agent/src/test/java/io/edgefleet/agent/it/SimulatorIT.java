package io.edgefleet.agent.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgefleet.agent.Agent;
import io.edgefleet.agent.simulator.FleetSimulator;
import io.edgefleet.testsupport.EdgeFleetInfra;
import io.edgefleet.testsupport.ServiceProcess;
import io.edgefleet.testsupport.TestTokens;
import io.restassured.RestAssured;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The simulator's devices enroll, connect and execute commands against a real provisioning-service. */
class SimulatorIT {

    private static final int DEVICES = 25;

    @Test
    void simulatedFleetConnectsAndTheConfiguredShareOfUpgradesFails() throws Exception {
        try (ServiceProcess provisioning = new ServiceProcess(Path.of(System.getProperty("edgefleet.provisioning.jar")),
                new EdgeFleetInfra().start()).start()) {
            String url = provisioning.baseUrl();
            RestAssured.baseURI = url.substring(0, url.lastIndexOf(':'));
            RestAssured.port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
            String token = AgentIT.enrollmentToken(Map.of());
            FleetSimulator.Faults faults = new FleetSimulator.Faults(0.2, 0, 0, Duration.ZERO);
            try (FleetSimulator fleet = new FleetSimulator(FleetSimulator.Options.of(DEVICES, URI.create(url), token)
                    .withFaults(faults)).start()) {
                Awaitility.await("all simulated devices connected").atMost(Duration.ofSeconds(90))
                        .until(() -> fleet.connected() == DEVICES);

                List<String> upgrades = new ArrayList<>();
                for (Agent agent : fleet.agents()) {
                    boolean k3s = "k3s".equals(fleet.machines().get(upgrades.size()).access().cluster().distribution());
                    upgrades.add(AgentIT.command(agent.deviceId(), "upgrade-kubernetes",
                            Map.of("targetVersion", k3s ? "v1.30.5+k3s1" : "v1.30.5")));
                }
                upgrades.forEach(id -> Awaitility.await(id + " finished").atMost(Duration.ofSeconds(60))
                        .until(() -> List.of("succeeded", "failed").contains(status(id))));
                long failed = upgrades.stream().filter(id -> "failed".equals(status(id))).count();
                assertEquals(Math.round(0.2 * DEVICES), failed, "the configured share of upgrades fails");

                int healthyK3s = IntStream.range(0, DEVICES).filter(i -> !fleet.machines().get(i).failsUpgrades()
                        && "k3s".equals(fleet.machines().get(i).access().cluster().distribution())).findFirst().orElseThrow();
                String wrong = AgentIT.command(fleet.agents().get(healthyK3s).deviceId(), "upgrade-kubernetes",
                        Map.of("targetVersion", "v1.31.0"));
                AgentIT.awaitStatus(wrong, "failed");
                given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/commands/" + wrong).then()
                        .body("failureReason", containsString("never switched"));
            }
        }
    }

    private static String status(String commandId) {
        return given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/commands/" + commandId).then()
                .extract().path("status");
    }
}
