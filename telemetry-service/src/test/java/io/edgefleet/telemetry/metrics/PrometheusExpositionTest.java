package io.edgefleet.telemetry.metrics;

import static io.edgefleet.telemetry.TelemetryApi.sample;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgefleet.telemetry.TelemetryApi;
import io.edgefleet.telemetry.alert.AlertEvaluator;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The fleet metrics on {@code /q/metrics} carry what happened, and the whole exposition passes
 * Prometheus' own linter ({@code promtool check metrics}, from Debian's prometheus package).
 */
@QuarkusTest
class PrometheusExpositionTest {

    private static final Path PROMTOOL = Path.of("..", "scripts", "promtool");

    @Inject
    FleetMetrics metrics;

    @Inject
    AlertEvaluator evaluator;

    @Test
    void fleetGaugesReflectTheFleetAndPassPromtool() throws Exception {
        TelemetryApi api = new TelemetryApi();
        String device = UUID.randomUUID().toString();
        api.operator().body(Map.of("name", "disk", "kind", "threshold", "severity", "critical", "threshold",
                Map.of("metric", "node_disk_usage_ratio", "operator", ">", "value", 0.5))).when().post("/api/v1/alert-rules")
                .then().statusCode(201);
        double ingestedBefore = value(scrape(), "edgefleet_telemetry_samples_ingested_total");
        api.post(device, List.of(sample("node_disk_usage_ratio", Instant.now(), 0.9), sample("edgefleet_pods", Instant.now(), 3)));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            evaluator.evaluate(Instant.now());
            metrics.refresh();
            String metrics = scrape();
            return value(metrics, "edgefleet_telemetry_alerts_firing{severity=\"critical\"}") >= 1
                    && value(metrics, "edgefleet_telemetry_devices_reporting") >= 1;
        });
        String metrics = scrape();
        assertEquals(2.0, value(metrics, "edgefleet_telemetry_samples_ingested_total") - ingestedBefore);
        assertTrue(value(metrics, "edgefleet_telemetry_samples_stored_total") >= 2);
        assertTrue(value(metrics, "edgefleet_telemetry_ingest_lag_seconds") >= 0);

        String whole = promtool(metrics);
        assertTrue(!whole.contains("error while linting"), "the exposition must parse:\n" + whole);
        String ours = metrics.lines().filter(line -> line.matches("(# (HELP|TYPE) )?edgefleet_.*"))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        assertTrue(ours.contains("edgefleet_outbox_published_total"), ours);
        assertEquals("", promtool(ours), "edgefleet_* metrics must pass promtool's lint");
    }

    /**
     * What {@code promtool check metrics} reports: nothing when all is well. Its exit status is
     * not used because the framework's own meters (Kafka client, HTTP server) carry lint findings
     * this project does not control; they are reported, ours must have none.
     */
    private static String promtool(String exposition) throws Exception {
        Path file = Files.createTempFile("metrics", ".txt");
        Files.writeString(file, exposition);
        Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectInput(file.toFile())
                .redirectErrorStream(true).start();
        String report = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int status = promtool.waitFor();
        Files.delete(file);
        assertTrue(status == 0 || !report.isEmpty(), "promtool failed silently with status " + status);
        return report;
    }

    /** As Prometheus' text format (0.0.4), the one {@code promtool check metrics} parses. */
    private static String scrape() {
        return given().accept("text/plain; version=0.0.4").when().get("/q/metrics").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/plain")).extract().asString();
    }

    /** The value of a series, named as {@code name} or {@code name{label="value"}} (the text format may add a trailing comma). */
    private static double value(String exposition, String series) {
        return exposition.lines().filter(line -> !line.startsWith("#") && line.lastIndexOf(' ') > 0)
                .filter(line -> line.substring(0, line.lastIndexOf(' ')).replace(",}", "}").equals(series))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError(series + " not exposed; the family's lines:\n" + exposition.lines()
                        .filter(l -> l.contains(series.replaceAll("\\{.*", ""))).collect(java.util.stream.Collectors.joining("\n"))));
    }
}
