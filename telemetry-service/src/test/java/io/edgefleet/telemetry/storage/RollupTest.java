package io.edgefleet.telemetry.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rollups answer minute and hour steps, count a replayed batch once, and outlive raw samples. */
@QuarkusTest
class RollupTest {

    @Inject
    SampleStore store;

    @Inject
    Retention retention;

    @Inject
    MetricQueries queries;

    @Test
    void rollupsKeepMinuteAndHourAggregatesAfterRawSamplesExpire() {
        UUID device = UUID.randomUUID();
        Instant hour = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        TelemetryBatch batch = new TelemetryBatch(device.toString(), UUID.randomUUID().toString(), 0, List.of(
                sample(hour, 0.2), sample(hour.plusSeconds(10), 0.4), sample(hour.plusSeconds(60), 0.9)), Instant.now());
        store(batch);
        store(batch);

        assertEquals(List.of(0.30000000000000004, 0.9), values(device, hour, Duration.ofMinutes(1), "avg"));
        assertEquals(List.of(3.0), values(device, hour, Duration.ofHours(1), "count"), "the replay counted once");
        assertEquals(List.of(0.9), values(device, hour, Duration.ofHours(1), "max"));

        retention.dropExpired(LocalDate.ofInstant(hour, ZoneOffset.UTC).plusDays(8));
        assertEquals(List.of(), values(device, hour, Duration.ofSeconds(30), "count"), "raw samples are gone");
        assertEquals(List.of(3.0), values(device, hour, Duration.ofHours(1), "count"), "the hour rollup remains");
        assertEquals(List.of(0.2), values(device, hour, Duration.ofHours(1), "min"));
    }

    @Test
    void rollupsAreDeletedAfterTheirOwnRetentions() {
        UUID device = UUID.randomUUID();
        Instant hour = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        store(new TelemetryBatch(device.toString(), UUID.randomUUID().toString(), 0, List.of(sample(hour, 0.5)), Instant.now()));
        LocalDate day = LocalDate.ofInstant(hour, ZoneOffset.UTC);

        retention.purgeRollups(day.plusDays(30));
        assertEquals(List.of(1.0), values(device, hour, Duration.ofMinutes(1), "count"), "minute rollups keep 30 days");

        retention.purgeRollups(day.plusDays(31));
        assertEquals(List.of(), values(device, hour, Duration.ofMinutes(1), "count"), "minute rollups expired");
        assertEquals(List.of(1.0), values(device, hour, Duration.ofHours(1), "count"), "hour rollups keep 400 days");

        retention.purgeRollups(day.plusDays(401));
        assertEquals(List.of(), values(device, hour, Duration.ofHours(1), "count"), "hour rollups expired");
    }

    private void store(TelemetryBatch batch) {
        QuarkusTransaction.requiringNew().run(() -> store.store(List.of(new SampleStore.OwnedBatch("default", batch))));
    }

    private List<Double> values(UUID device, Instant from, Duration step, String agg) {
        return QuarkusTransaction.requiringNew().call(() -> queries.series("default", DeviceScopes.Scope.ofDevice(device), "rollup_metric", from,
                from.plus(Duration.ofHours(1)), step, agg)).stream().map(MetricQueries.Point::value).toList();
    }

    private static TelemetryBatch.Sample sample(Instant at, double value) {
        return new TelemetryBatch.Sample("rollup_metric", Map.of("node", "n1"), at, value);
    }
}
