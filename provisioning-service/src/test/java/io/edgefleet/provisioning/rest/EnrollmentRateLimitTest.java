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
        assertFloodRefused("/api/v1/enrollments", Map.of("token", "guess.guess", "publicKey", "x", "facts", Map.of()), 200,
                "192.0.2.10");
    }

    @Test
    void aFloodOfTokenExchangesIsToldWhenToRetry() {
        assertFloodRefused("/api/v1/device-tokens", Map.of("assertion", "forged"), 300, "192.0.2.11");
    }

    /**
     * Floods from {@code address} (forwarded by loopback, a trusted proxy in tests), so the other
     * tests of this JVM, which call from loopback itself, keep their own budget.
     */
    private static void assertFloodRefused(String path, Map<String, Object> body, int burst, String address) {
        int answered = 0;
        Response refused = null;
        for (int i = 0; i < burst * 3 && refused == null; i++) {
            Response answer = from(address).body(body).when().post(path);
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
        // Counted per address: another client behind the same proxy is still answered.
        int other = from("192.0.2.99").body(body).when().post(path).statusCode();
        assertTrue(other != 429, "another address was refused too: " + other);
        // The budget refills.
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                from(address).body(body).when().post(path).statusCode() != 429);
    }

    private static io.restassured.specification.RequestSpecification from(String address) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address);
    }
}
