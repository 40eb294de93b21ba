package io.edgefleet.telemetry;

import io.edgefleet.testsupport.DeviceTokenKeys;
import static io.restassured.RestAssured.given;

import io.edgefleet.testsupport.TenantApi;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Telemetry's REST helpers, acting in an organization of the test's own. */
public final class TelemetryApi extends TenantApi {

    /** Posts one batch as the device and expects it accepted. */
    public void post(String device, List<Map<String, Object>> samples) {
        given().auth().oauth2(DeviceTokenKeys.deviceToken(device, org())).contentType(ContentType.JSON)
                .body(Map.of("batchId", UUID.randomUUID().toString(), "sequence", 0, "samples", samples))
                .when().post("/api/v1/telemetry").then().statusCode(202);
    }

    public static Map<String, Object> sample(String metric, Instant at, double value) {
        return Map.of("metric", metric, "labels", Map.of("node", "linux"), "timestamp", at.toString(), "value", value);
    }
}
