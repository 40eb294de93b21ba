package io.edgefleet.telemetry.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Folds newly stored samples into 1-minute and 1-hour rollups (min, max, sum, count), in the
 * same transaction as the samples. Only samples that were new are folded in, so replays never
 * count twice.
 */
@ApplicationScoped
public class Rollups {

    /** Resolutions kept, with how their buckets are cut. */
    public enum Resolution {
        MINUTE("1m", ChronoUnit.MINUTES), HOUR("1h", ChronoUnit.HOURS);

        final String code;
        final ChronoUnit unit;

        Resolution(String code, ChronoUnit unit) {
            this.code = code;
            this.unit = unit;
        }

        public String code() {
            return code;
        }
    }

    private final ObjectMapper json;

    public Rollups(ObjectMapper json) {
        this.json = json;
    }

    void add(Connection connection, List<SampleStore.Sample> fresh) throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO metric_rollup (org_id, device_id, metric, "
                + "labels, resolution, bucket, min_value, max_value, sum_value, count) VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, 1) "
                + "ON CONFLICT (device_id, metric, labels, resolution, bucket) DO UPDATE SET "
                + "min_value = LEAST(metric_rollup.min_value, EXCLUDED.min_value), "
                + "max_value = GREATEST(metric_rollup.max_value, EXCLUDED.max_value), "
                + "sum_value = metric_rollup.sum_value + EXCLUDED.sum_value, count = metric_rollup.count + 1")) {
            for (SampleStore.Sample s : fresh) {
                for (Resolution resolution : Resolution.values()) {
                    Instant bucket = s.sample().timestamp().truncatedTo(resolution.unit);
                    upsert.setString(1, s.orgId());
                    upsert.setObject(2, s.deviceId());
                    upsert.setString(3, s.sample().metric());
                    upsert.setString(4, labels(s.sample().labels()));
                    upsert.setString(5, resolution.code);
                    upsert.setObject(6, bucket.atOffset(ZoneOffset.UTC));
                    upsert.setDouble(7, s.sample().value());
                    upsert.setDouble(8, s.sample().value());
                    upsert.setDouble(9, s.sample().value());
                    upsert.addBatch();
                }
            }
            upsert.executeBatch();
        }
    }

    /** Labels as stored: JSON with sorted keys. */
    String labels(Map<String, String> labels) {
        try {
            return json.writeValueAsString(labels == null ? Map.of() : new java.util.TreeMap<>(labels));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
