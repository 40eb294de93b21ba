package io.edgefleet.telemetry.messaging;

import static io.edgefleet.telemetry.TelemetryApi.sample;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgefleet.telemetry.TelemetryApi;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A storage failure that passes is retried, not dead-lettered: an accepted batch is stored once
 * PostgreSQL works again. The failure is real: a table the consumer writes is renamed away.
 */
@QuarkusTest
class SampleStorageRetryTest {

    private static final String RETRIED = "edgefleet_events_consumed_total{consumer=\"telemetry-service/samples\",outcome=\"retried\"}";

    @Inject
    DataSource dataSource;

    @Test
    void aBatchIsStoredOnceTheDatabaseWorksAgain() throws Exception {
        TelemetryApi api = new TelemetryApi();
        String device = UUID.randomUUID().toString();
        double retriedBefore = retried();
        sql("ALTER TABLE metric_latest RENAME TO metric_latest_away");
        try {
            api.post(device, List.of(sample("node_cpu_usage_ratio", Instant.now(), 0.5)));
            Awaitility.await("the consumer retries").atMost(Duration.ofSeconds(30)).until(() -> retried() > retriedBefore);
        } finally {
            sql("ALTER TABLE metric_latest_away RENAME TO metric_latest");
        }
        Awaitility.await("stored after the failure passed").atMost(Duration.ofSeconds(60)).until(() -> {
            List<?> values = api.viewer().queryParam("device", device).when().get("/api/v1/metrics/latest")
                    .then().statusCode(200).extract().path("values");
            return values.size() == 1;
        });
        assertEquals(1, api.viewer().queryParam("device", device).queryParam("metric", "node_cpu_usage_ratio")
                .queryParam("from", Instant.now().minusSeconds(300).toString()).queryParam("to", Instant.now().plusSeconds(60).toString())
                .queryParam("step", "30s").queryParam("agg", "count").when().get("/api/v1/metrics/query").then().statusCode(200)
                .extract().<List<Float>>path("points.value").stream().mapToInt(Float::intValue).sum(), "stored exactly once");
    }

    private void sql(String statement) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    private static double retried() {
        String metrics = given().accept("text/plain; version=0.0.4").when().get("/q/metrics").then().statusCode(200)
                .extract().asString();
        return metrics.lines().filter(l -> l.startsWith(RETRIED.replace("}", ""))).mapToDouble(
                l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
