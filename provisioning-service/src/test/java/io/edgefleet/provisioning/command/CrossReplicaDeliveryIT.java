package io.edgefleet.provisioning.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgefleet.provisioning.AgentClient;
import io.edgefleet.provisioning.Commands;
import io.edgefleet.provisioning.TestDevice;
import io.edgefleet.testsupport.EdgeFleetInfra;
import io.edgefleet.testsupport.ServiceProcess;
import io.restassured.RestAssured;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two running instances of provisioning-service on one database and Kafka: a command accepted
 * by replica A reaches the agent whose session is on replica B, and B's agent's results are
 * visible through A.
 */
class CrossReplicaDeliveryIT {

    @Test
    void commandAcceptedOnOneReplicaReachesASessionOnTheOther() throws Exception {
        Map<String, String> infra = new EdgeFleetInfra().start();
        Path jar = Path.of(System.getProperty("edgefleet.app.jar"));
        try (ServiceProcess replicaA = new ServiceProcess(jar, infra).start();
             ServiceProcess replicaB = new ServiceProcess(jar, infra).start()) {
            useReplica(replicaA);
            TestDevice.Enrolled device = TestDevice.enrolledDevice();

            try (AgentClient agent = AgentClient.connect(replicaB.baseUrl(), device.accessToken())) {
                Commands.awaitSessionOpen(device.deviceId());
                String id = Commands.apply(device.deviceId());

                assertEquals(id, agent.next("command", Duration.ofSeconds(30)).path("command").path("id").asText());
                agent.ack(id);
                agent.succeed(id);
                Commands.awaitStatus(id, "succeeded");
            }
        }
    }

    private static void useReplica(ServiceProcess replica) {
        String url = replica.baseUrl();
        RestAssured.baseURI = url.substring(0, url.lastIndexOf(':'));
        RestAssured.port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }
}
