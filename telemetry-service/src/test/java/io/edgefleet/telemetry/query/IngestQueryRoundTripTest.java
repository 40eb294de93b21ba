package io.edgefleet.telemetry.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgefleet.testsupport.DeviceTokenKeys;
import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** HTTP → Kafka → PostgreSQL → query, and a replayed batch is stored once. */
@QuarkusTest
class IngestQueryRoundTripTest {

    @Test
    void postedSamplesCanBeQueriedAndAReplayIsNotDuplicated() {
        String device = UUID.randomUUID().toString();
        Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
        Map<String, Object> batch = Map.of("batchId", UUID.randomUUID().toString(), "sequence", 0, "samples", List.of(
                sample(base, 0.2), sample(base.plusSeconds(10), 0.4), sample(base.plusSeconds(60), 0.9)));
        post(device, batch);
        post(device, batch);

        Awaitility.await("samples stored").atMost(Duration.ofSeconds(30)).until(() -> query(device, base, "count").size() == 2);
        List<Float> counts = query(device, base, "count");
        assertEquals(List.of(2.0f, 1.0f), counts, "3 samples stored once, though the batch was posted twice");
        assertEquals(List.of(0.3f, 0.9f), query(device, base, "avg"));
        assertEquals(List.of(0.4f, 0.9f), query(device, base, "max"));
    }

    @Test
    void badQueriesAre400s() {
        given().auth().oauth2(TestTokens.viewer()).queryParam("device", UUID.randomUUID().toString()).queryParam("metric", "m")
                .queryParam("from", "yesterday").queryParam("to", Instant.now().toString())
                .when().get("/api/v1/metrics/query").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.viewer()).queryParam("device", UUID.randomUUID().toString()).queryParam("metric", "m")
                .queryParam("from", Instant.now().minusSeconds(60).toString()).queryParam("to", Instant.now().toString())
                .queryParam("agg", "median").when().get("/api/v1/metrics/query").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("agg"));
    }

    private static List<Float> query(String device, Instant base, String agg) {
        return given().auth().oauth2(TestTokens.viewer()).queryParam("device", device).queryParam("metric", "node_cpu_usage_ratio")
                .queryParam("from", base.toString()).queryParam("to", base.plusSeconds(120).toString())
                .queryParam("step", "1m").queryParam("agg", agg)
                .when().get("/api/v1/metrics/query").then().statusCode(200).body("agg", equalTo(agg))
                .extract().path("points.value");
    }

    private static void post(String device, Map<String, Object> batch) {
        given().auth().oauth2(DeviceTokenKeys.deviceToken(device, "default")).contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/telemetry").then().statusCode(202);
    }

    private static Map<String, Object> sample(Instant at, double value) {
        return Map.of("metric", "node_cpu_usage_ratio", "labels", Map.of("node", "n1"), "timestamp", at.toString(), "value", value);
    }
}
