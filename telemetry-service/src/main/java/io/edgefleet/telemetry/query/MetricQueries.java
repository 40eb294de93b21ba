package io.edgefleet.telemetry.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Aggregates raw samples of one device's metric into steps. */
@ApplicationScoped
public class MetricQueries {

    /** SQL aggregate per API name; only these reach the SQL text. */
    public static final Map<String, String> AGGREGATES = Map.of("avg", "avg(value)", "min", "min(value)", "max", "max(value)",
            "sum", "sum(value)", "p95", "percentile_cont(0.95) WITHIN GROUP (ORDER BY value)", "count", "count(*)");

    private final EntityManager entityManager;

    public MetricQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One step of a series. */
    public record Point(Instant at, double value) {
    }

    /** SQL per aggregate over rollup rows; p95 has none (rollups keep no distribution). */
    static final Map<String, String> ROLLUP_AGGREGATES = Map.of("avg", "sum(sum_value) / sum(count)", "min", "min(min_value)",
            "max", "max(max_value)", "sum", "sum(sum_value)", "count", "sum(count)");

    /**
     * Steps of a minute or more read the 1-minute rollups, steps of an hour or more the 1-hour
     * ones (which outlive raw samples); shorter steps and p95 read raw samples.
     */
    public List<Point> series(String orgId, UUID device, String metric, Instant from, Instant to, Duration step, String agg) {
        if (agg.equals("p95") || step.compareTo(Duration.ofMinutes(1)) < 0) {
            return raw(orgId, device, metric, from, to, step, agg);
        }
        String resolution = step.compareTo(Duration.ofHours(1)) >= 0 ? "1h" : "1m";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT to_timestamp(floor(extract(epoch FROM bucket) / :step) * :step) AS b, "
                        + ROLLUP_AGGREGATES.get(agg) + " FROM metric_rollup WHERE org_id = :org AND device_id = :device "
                        + "AND metric = :metric AND resolution = :resolution AND bucket >= :from AND bucket < :to GROUP BY b ORDER BY b")
                .setParameter("step", step.toSeconds()).setParameter("org", orgId).setParameter("device", device)
                .setParameter("metric", metric).setParameter("resolution", resolution)
                .setParameter("from", from.atOffset(ZoneOffset.UTC)).setParameter("to", to.atOffset(ZoneOffset.UTC)).getResultList();
        return rows.stream().map(r -> new Point(instant(r[0]), ((Number) r[1]).doubleValue())).toList();
    }

    private List<Point> raw(String orgId, UUID device, String metric, Instant from, Instant to, Duration step, String agg) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT to_timestamp(floor(extract(epoch FROM ts) / :step) * :step) AS bucket, "
                        + AGGREGATES.get(agg) + " FROM metric_sample WHERE org_id = :org AND device_id = :device AND metric = :metric "
                        + "AND ts >= :from AND ts < :to GROUP BY bucket ORDER BY bucket")
                .setParameter("step", step.toSeconds()).setParameter("org", orgId).setParameter("device", device)
                .setParameter("metric", metric).setParameter("from", from.atOffset(ZoneOffset.UTC))
                .setParameter("to", to.atOffset(ZoneOffset.UTC)).getResultList();
        return rows.stream().map(r -> new Point(instant(r[0]), ((Number) r[1]).doubleValue())).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return value instanceof java.sql.Timestamp ts ? ts.toInstant() : (Instant) value;
    }
}
