package io.edgefleet.telemetry.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgefleet.events.telemetry.TelemetryBatch;
import io.edgefleet.projection.read.DeviceScopes;
import io.edgefleet.telemetry.query.MetricQueries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Raw samples live in day partitions that are dropped once older than the retention (time passed in). */
@QuarkusTest
class RetentionTest {

    @Inject
    SampleStore store;

    @Inject
    Retention retention;

    @Inject
    MetricQueries queries;

    @Test
    void partitionsOlderThanTheRetentionAreDropped() {
        String device = UUID.randomUUID().toString();
        Instant threeDaysAgo = Instant.now().minus(Duration.ofDays(3));
        TelemetryBatch batch = new TelemetryBatch(device, UUID.randomUUID().toString(), 0,
                List.of(new TelemetryBatch.Sample("m", Map.of(), threeDaysAgo, 1.0)), Instant.now());
        QuarkusTransaction.requiringNew().run(() -> store.store(List.of(new SampleStore.OwnedBatch("default", batch))));
        LocalDate day = threeDaysAgo.atOffset(ZoneOffset.UTC).toLocalDate();

        assertTrue(retention.dropExpired(LocalDate.now(ZoneOffset.UTC)).stream().noneMatch(n -> n.endsWith(day.toString().replace('-', '_'))),
                "three days old is within seven days of retention");
        assertEquals(1, series(device, threeDaysAgo).size());

        List<String> dropped = retention.dropExpired(day.plusDays(8));
        assertTrue(dropped.contains("metric_sample_" + day.toString().replace('-', '_')), "dropped: " + dropped);
        assertEquals(0, series(device, threeDaysAgo).size());
    }

    private List<MetricQueries.Point> series(String device, Instant at) {
        return QuarkusTransaction.requiringNew().call(() -> queries.series("default", DeviceScopes.Scope.ofDevice(UUID.fromString(device)), "m",
                at.minusSeconds(60), at.plusSeconds(60), Duration.ofSeconds(30), "count"));
    }
}
