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
 * same transaction as the samples: summed per bucket in memory first, then one upsert per bucket.
 * Only samples that were new are folded in, so replays never count twice.
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

    /** One bucket of one series, summed up in memory so each bucket costs one upsert per batch. */
    private record Bucket(String orgId, java.util.UUID deviceId, String metric, String labels, Resolution resolution,
                          Instant start) {
    }

    /** min, max, sum, count of a bucket's new samples. */
    private static final class Aggregate {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum;
        long count;

        void add(double value) {
            min = Math.min(min, value);
            max = Math.max(max, value);
            sum += value;
            count++;
        }
    }

    void add(Connection connection, List<SampleStore.Sample> fresh) throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO metric_rollup (org_id, device_id, metric, "
                + "labels, resolution, bucket, min_value, max_value, sum_value, count) VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (device_id, metric, labels, resolution, bucket) DO UPDATE SET "
                + "min_value = LEAST(metric_rollup.min_value, EXCLUDED.min_value), "
                + "max_value = GREATEST(metric_rollup.max_value, EXCLUDED.max_value), "
                + "sum_value = metric_rollup.sum_value + EXCLUDED.sum_value, count = metric_rollup.count + EXCLUDED.count")) {
            for (Map.Entry<Bucket, Aggregate> entry : aggregate(fresh).entrySet()) {
                Bucket b = entry.getKey();
                Aggregate a = entry.getValue();
                upsert.setString(1, b.orgId());
                upsert.setObject(2, b.deviceId());
                upsert.setString(3, b.metric());
                upsert.setString(4, b.labels());
                upsert.setString(5, b.resolution().code);
                upsert.setObject(6, b.start().atOffset(ZoneOffset.UTC));
                upsert.setDouble(7, a.min);
                upsert.setDouble(8, a.max);
                upsert.setDouble(9, a.sum);
                upsert.setLong(10, a.count);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private Map<Bucket, Aggregate> aggregate(List<SampleStore.Sample> fresh) {
        Map<Bucket, Aggregate> buckets = new java.util.LinkedHashMap<>();
        for (SampleStore.Sample s : fresh) {
            String labels = labels(s.sample().labels());
            for (Resolution resolution : Resolution.values()) {
                Bucket bucket = new Bucket(s.orgId(), s.deviceId(), s.sample().metric(), labels, resolution,
                        s.sample().timestamp().truncatedTo(resolution.unit));
                buckets.computeIfAbsent(bucket, k -> new Aggregate()).add(s.sample().value());
            }
        }
        return buckets;
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
