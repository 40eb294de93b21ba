package io.edgefleet.inventory.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgefleet.events.Topics;
import io.edgefleet.testsupport.EdgeFleetInfra;
import io.edgefleet.testsupport.KafkaTestClient;
import io.edgefleet.testsupport.ServiceProcess;
import io.edgefleet.testsupport.TestTokens;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Events accepted while Kafka is unreachable survive a hard kill of the service that holds them
 * in its outbox, and are published by the restarted process once Kafka is back.
 */
class OutboxRelayCrashIT {

    private static final int DEVICES = 20;

    @Test
    void nothingIsLostWhenTheRelayProcessIsKilledAndRestarted() throws Exception {
        Map<String, String> infra = new EdgeFleetInfra().start();
        Path jar = Path.of(System.getProperty("edgefleet.app.jar"));
        Set<String> registered = new HashSet<>();

        EdgeFleetInfra.kafka().stop();
        try (ServiceProcess service = new ServiceProcess(jar, infra).start()) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            for (int i = 0; i < DEVICES; i++) {
                registered.add(given().baseUri(service.baseUrl()).auth().oauth2(TestTokens.operator())
                        .contentType(ContentType.JSON).body("{\"name\":\"crash-" + run + "-" + i + "\"}")
                        .when().post("/api/v1/devices").then().statusCode(201).extract().path("id"));
            }
            service.kill();
        }

        EdgeFleetInfra.kafka().start();
        try (ServiceProcess restarted = new ServiceProcess(jar, infra).start()) {
            Set<String> published = new HashSet<>();
            KafkaTestClient.awaitRecords(Topics.INVENTORY_EVENTS, DEVICES, Duration.ofSeconds(90),
                    r -> registered.contains(r.key()) && published.add(r.key()));
            assertEquals(registered, published);
        }
    }
}
