package io.edgefleet.telemetry.storage;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the newest value of every series, in the samples' transaction. A sample older than the
 * stored one (a late, buffered batch) leaves it alone.
 */
@ApplicationScoped
public class LatestValues {

    private final Rollups rollups;

    public LatestValues(Rollups rollups) {
        this.rollups = rollups;
    }

    void add(Connection connection, List<SampleStore.Sample> fresh) throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO metric_latest (org_id, device_id, metric, "
                + "labels, ts, value) VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?) ON CONFLICT (device_id, metric, labels) "
                + "DO UPDATE SET ts = EXCLUDED.ts, value = EXCLUDED.value WHERE metric_latest.ts < EXCLUDED.ts")) {
            for (SampleStore.Sample s : newestPerSeries(fresh)) {
                upsert.setString(1, s.orgId());
                upsert.setObject(2, s.deviceId());
                upsert.setString(3, s.sample().metric());
                upsert.setString(4, rollups.labels(s.sample().labels()));
                upsert.setObject(5, s.sample().timestamp().atOffset(ZoneOffset.UTC));
                upsert.setDouble(6, s.sample().value());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** One row per series: a batch often carries several samples of each. */
    private static Collection<SampleStore.Sample> newestPerSeries(List<SampleStore.Sample> samples) {
        Map<List<Object>, SampleStore.Sample> newest = new LinkedHashMap<>();
        for (SampleStore.Sample s : samples) {
            List<Object> series = List.of(s.deviceId(), s.sample().metric(),
                    s.sample().labels() == null ? Map.of() : s.sample().labels());
            newest.merge(series, s, (a, b) -> b.sample().timestamp().isAfter(a.sample().timestamp()) ? b : a);
        }
        return newest.values();
    }
}
