package io.edgefleet.telemetry.query;

import io.edgefleet.projection.read.DeviceScopes;
import io.edgefleet.projection.read.LabelsJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Aggregates a metric of the devices in a scope into steps, from raw samples or rollups. */
@ApplicationScoped
public class MetricQueries {

    /** SQL aggregate per API name; only these reach the SQL text. */
    public static final Map<String, String> AGGREGATES = Map.of("avg", "avg(value)", "min", "min(value)", "max", "max(value)",
            "sum", "sum(value)", "p95", "percentile_cont(0.95) WITHIN GROUP (ORDER BY value)", "count", "count(*)");

    /** SQL per aggregate over rollup rows; p95 has none (rollups keep no distribution). */
    static final Map<String, String> ROLLUP_AGGREGATES = Map.of("avg", "sum(sum_value) / sum(count)", "min", "min(min_value)",
            "max", "max(max_value)", "sum", "sum(sum_value)", "count", "sum(count)");

    private final EntityManager entityManager;

    public MetricQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One step of a series; {@code devices} is how many devices contributed to it. */
    public record Point(Instant at, double value, long devices) {
    }

    /**
     * Steps of a minute or more read the 1-minute rollups, steps of an hour or more the 1-hour
     * ones (which outlive raw samples); shorter steps and p95 read raw samples.
     */
    public List<Point> series(String orgId, DeviceScopes.Scope scope, String metric, Instant from, Instant to,
                              Duration step, String agg) {
        boolean raw = agg.equals("p95") || step.compareTo(Duration.ofMinutes(1)) < 0;
        String sql = raw
                ? "SELECT to_timestamp(floor(extract(epoch FROM ts) / :step) * :step) AS b, " + AGGREGATES.get(agg)
                        + ", count(DISTINCT device_id) FROM metric_sample WHERE org_id = :org AND metric = :metric "
                        + "AND ts >= :from AND ts < :to AND " + scope.condition("device_id") + " GROUP BY b ORDER BY b"
                : "SELECT to_timestamp(floor(extract(epoch FROM bucket) / :step) * :step) AS b, " + ROLLUP_AGGREGATES.get(agg)
                        + ", count(DISTINCT device_id) FROM metric_rollup WHERE org_id = :org AND metric = :metric "
                        + "AND resolution = :resolution AND bucket >= :from AND bucket < :to AND "
                        + scope.condition("device_id") + " GROUP BY b ORDER BY b";
        Query query = entityManager.createNativeQuery(sql).setParameter("step", step.toSeconds()).setParameter("org", orgId)
                .setParameter("metric", metric).setParameter("from", from.atOffset(ZoneOffset.UTC))
                .setParameter("to", to.atOffset(ZoneOffset.UTC));
        if (!raw) {
            query.setParameter("resolution", step.compareTo(Duration.ofHours(1)) >= 0 ? "1h" : "1m");
        }
        scope.params().forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Point(instant(r[0]), ((Number) r[1]).doubleValue(), ((Number) r[2]).longValue()))
                .toList();
    }

    /** The newest value of each of a device's series, optionally of one metric. */
    public record Latest(String metric, Map<String, String> labels, Instant at, double value) {
    }

    public List<Latest> latest(String orgId, java.util.UUID device, String metric) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT metric, CAST(labels AS text), ts, value FROM metric_latest "
                        + "WHERE org_id = :org AND device_id = :device AND (CAST(:metric AS text) IS NULL OR metric = :metric) "
                        + "ORDER BY metric, CAST(labels AS text)")
                .setParameter("org", orgId).setParameter("device", device).setParameter("metric", metric).getResultList();
        return rows.stream().map(r -> new Latest((String) r[0], LabelsJson.read((String) r[1]), instant(r[2]),
                ((Number) r[3]).doubleValue())).toList();
    }

    static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return value instanceof java.sql.Timestamp ts ? ts.toInstant() : (Instant) value;
    }
}
