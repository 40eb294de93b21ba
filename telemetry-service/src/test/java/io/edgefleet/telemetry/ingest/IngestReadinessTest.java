package io.edgefleet.telemetry.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import io.edgefleet.testsupport.EdgeFleetInfra;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Hardening item 10: ingest needs Kafka's acknowledgement before its 202, so telemetry (unlike the
 * outbox-only services) reports itself not ready while Kafka is away, and ready again after.
 */
@QuarkusTest
class IngestReadinessTest {

    @Test
    void readinessFollowsKafka() {
        given().when().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem(IngestReadiness.NAME));
        EdgeFleetInfra.kafka().stop();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> given().when().get("/q/health/ready").then().extract().statusCode() == 503);
        } finally {
            EdgeFleetInfra.kafka().start();
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> given().when().get("/q/health/ready").then().extract().statusCode() == 200);
    }
}
