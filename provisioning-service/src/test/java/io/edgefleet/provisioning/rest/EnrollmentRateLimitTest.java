package io.edgefleet.provisioning.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Enrollment and the device-token exchange are budgeted per source address: a flood is told 429
 * with Retry-After before the token is even looked at, and the budget refills.
 */
@QuarkusTest
class EnrollmentRateLimitTest {

    @Test
    void aFloodOfEnrollmentsIsToldWhenToRetry() {
        assertFloodRefused("/api/v1/enrollments", Map.of("token", "guess.guess", "publicKey", "x", "facts", Map.of()), 200);
    }

    @Test
    void aFloodOfTokenExchangesIsToldWhenToRetry() {
        assertFloodRefused("/api/v1/device-tokens", Map.of("assertion", "forged"), 300);
    }

    private static void assertFloodRefused(String path, Map<String, Object> body, int burst) {
        int answered = 0;
        Response refused = null;
        for (int i = 0; i < burst * 3 && refused == null; i++) {
            Response answer = given().contentType(ContentType.JSON).body(body).when().post(path);
            if (answer.statusCode() == 429) {
                refused = answer;
            } else {
                answered++;
            }
        }
        assertTrue(refused != null, "a flood from one address was never refused");
        assertTrue(answered >= burst, "the burst is " + burst + ", only " + answered + " were answered");
        refused.then().contentType("application/problem+json").body("code", equalTo("RATE_LIMITED"));
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);
        // The budget refills: other tests of this JVM enroll from the same address.
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().contentType(ContentType.JSON).body(body).when().post(path).statusCode() != 429);
    }
}
