package io.edgefleet.telemetry.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgefleet.testsupport.DeviceTokenKeys;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * Ingest throughput, end to end (HTTP → Kafka → consumer → PostgreSQL with rollups and latest
 * values) against PostgreSQL's own COPY of the same rows, in the same run on the same machine.
 * Not part of the suite (its name is no *Test): run it with
 * {@code ./mvnw -pl telemetry-service verify -Dtest=IngestBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * It asserts only that every sample arrived; the figures are printed and written to
 * {@code target/benchmark/ingest.txt}.
 */
@QuarkusTest
class IngestBenchmark {

    private static final int DEVICES = Integer.getInteger("bench.devices", 50);
    private static final int BATCHES_PER_DEVICE = Integer.getInteger("bench.batches", 8);
    private static final int SAMPLES_PER_BATCH = Integer.getInteger("bench.batchSize", 500);
    private static final int SENDERS = Integer.getInteger("bench.senders", 8);

    @TestHTTPResource("/api/v1/telemetry")
    URI telemetry;

    @Inject
    DataSource dataSource;

    private final String org = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    private final Instant base = Instant.now().minus(Duration.ofMinutes(30));

    @Test
    void endToEndAgainstCopy() throws Exception {
        List<Batch> batches = batches();
        int total = batches.size() * SAMPLES_PER_BATCH;

        long started = System.nanoTime();
        post(batches);
        long accepted = System.nanoTime();
        awaitStored(total);
        long stored = System.nanoTime();

        double copySeconds = copy(batches);
        double e2eSeconds = (stored - started) / 1e9;
        String report = String.format(Locale.ROOT, "samples: %d in %d batches of %d from %d devices, %d concurrent senders%n"
                        + "end to end (HTTP -> Kafka -> PostgreSQL): %.1f s, %.0f samples/s (all accepted after %.1f s)%n"
                        + "PostgreSQL COPY of the same rows: %.2f s, %.0f samples/s%n"
                        + "ratio end-to-end / COPY: %.3f%n", total, batches.size(), SAMPLES_PER_BATCH, DEVICES, SENDERS,
                e2eSeconds, total / e2eSeconds, (accepted - started) / 1e9, copySeconds, total / copySeconds,
                copySeconds / e2eSeconds);
        System.out.println(report);
        Path out = Path.of("target", "benchmark", "ingest.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** One device's batch, as JSON for the wire and as COPY text for the comparison. */
    record Batch(String device, String json, String copyRows) {
    }

    private List<Batch> batches() {
        List<Batch> batches = new ArrayList<>();
        for (int d = 0; d < DEVICES; d++) {
            String device = UUID.randomUUID().toString();
            for (int b = 0; b < BATCHES_PER_DEVICE; b++) {
                batches.add(batch(device, b));
            }
        }
        return batches;
    }

    private Batch batch(String device, int sequence) {
        String batchId = UUID.randomUUID().toString();
        StringBuilder json = new StringBuilder("{\"batchId\":\"" + batchId + "\",\"sequence\":" + sequence + ",\"samples\":[");
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < SAMPLES_PER_BATCH; i++) {
            String metric = List.of("node_cpu_usage_ratio", "node_memory_usage_ratio", "node_disk_usage_ratio", "edgefleet_pods").get(i % 4);
            String node = i % 8 < 4 ? "linux" : "windows";
            Instant at = base.plusSeconds(sequence * 60L + i / 8);
            double value = (i * 7919 % 1000) / 1000.0;
            json.append(i == 0 ? "" : ",").append("{\"metric\":\"").append(metric).append("\",\"labels\":{\"node\":\"")
                    .append(node).append("\"},\"timestamp\":\"").append(at).append("\",\"value\":").append(value).append('}');
            rows.append(org).append('\t').append(device).append('\t').append(metric).append("\t{\"node\": \"").append(node)
                    .append("\"}\t").append(at).append('\t').append(value).append('\t').append(batchId).append('\t').append(i)
                    .append('\n');
        }
        return new Batch(device, json.append("]}").toString(), rows.toString());
    }

    private void post(List<Batch> batches) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        List<Future<Integer>> replies = new ArrayList<>();
        for (Batch batch : batches) {
            String token = DeviceTokenKeys.deviceToken(batch.device(), org);
            replies.add(senders.submit(() -> http.send(HttpRequest.newBuilder(telemetry).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(batch.json())).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()));
        }
        for (Future<Integer> reply : replies) {
            assertEquals(202, reply.get());
        }
        senders.shutdown();
    }

    private void awaitStored(int total) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            long count = 0;
            while (count < total) {
                Thread.sleep(100);
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM metric_sample WHERE org_id = '" + org + "'")) {
                    rs.next();
                    count = rs.getLong(1);
                }
            }
            assertEquals(total, count);
        }
    }

    /** COPY of the same rows into a table shaped like metric_sample (same columns, keys and index). */
    private double copy(List<Batch> batches) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS bench_copy");
            st.execute("CREATE TABLE bench_copy (LIKE metric_sample INCLUDING DEFAULTS)");
            st.execute("ALTER TABLE bench_copy ADD PRIMARY KEY (batch_id, idx, ts)");
            st.execute("CREATE INDEX ON bench_copy (device_id, metric, ts)");
            String rows = String.join("", batches.stream().map(Batch::copyRows).toList());
            long started = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_copy (org_id, device_id, metric, labels, ts, value, "
                    + "batch_id, idx) FROM STDIN", new StringReader(rows));
            double seconds = (System.nanoTime() - started) / 1e9;
            st.execute("DROP TABLE bench_copy");
            return seconds;
        }
    }
}
