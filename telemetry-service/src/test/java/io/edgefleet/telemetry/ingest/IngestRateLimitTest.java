package io.edgefleet.telemetry.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgefleet.testsupport.DeviceTokenKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Ingest is budgeted per device (edgefleet.rate-limits.telemetry: burst 60): a device sending
 * faster is told 429 with Retry-After, and a device beside it is not affected.
 */
@QuarkusTest
class IngestRateLimitTest {

    @Test
    void aDeviceOverItsBudgetIsToldWhenToRetry() {
        String noisy = UUID.randomUUID().toString();
        int accepted = 0;
        Response refused = null;
        for (int i = 0; i < 200 && refused == null; i++) {
            Response answer = post(noisy, i);
            if (answer.statusCode() == 429) {
                refused = answer;
            } else {
                answer.then().statusCode(202);
                accepted++;
            }
        }
        assertTrue(refused != null, "200 batches in a row were all accepted");
        assertTrue(accepted >= 60, "the burst is 60, only " + accepted + " were accepted");
        refused.then().contentType("application/problem+json").body("code", equalTo("RATE_LIMITED"));
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1, "Retry-After is a number of seconds");

        post(UUID.randomUUID().toString(), 0).then().statusCode(202);
    }

    private static Response post(String device, int sequence) {
        return given().auth().oauth2(DeviceTokenKeys.deviceToken(device, "default")).contentType(ContentType.JSON)
                .body(Map.of("batchId", UUID.randomUUID().toString(), "sequence", sequence, "samples", List.of()))
                .when().post("/api/v1/telemetry");
    }
}
