package io.edgefleet.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

/**
 * The platform promises every service keeps: readiness that really checks Kafka and the
 * database, Prometheus metrics, OpenAPI, and problem+json for unknown routes. Each service runs
 * it with a {@code @QuarkusTest} subclass.
 */
public abstract class ServicePlatformContract {

    @Test
    void readinessChecksKafkaAndTheDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().when().get("/q/metrics")
                .then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void publishesItsOpenApiContract() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).body("openapi", org.hamcrest.Matchers.startsWith("3."));
    }

    @Test
    void unknownRoutesAreProblemJson() {
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/does-not-exist")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
    }
}
