package io.edgefleet.telemetry.query;

import io.edgefleet.projection.read.DeviceScopes;
import io.edgefleet.telemetry.config.TelemetryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet at a glance, from the latest values: how many devices report, and the devices using
 * the most CPU, memory and disk (the busiest node of each device counts).
 */
@ApplicationScoped
public class FleetOverview {

    /** The agent's per-node usage ratios (0..1) behind each top-N list. */
    static final Map<String, String> RESOURCES = Map.of("cpu", "node_cpu_usage_ratio", "memory", "node_memory_usage_ratio",
            "disk", "node_disk_usage_ratio");

    private final EntityManager entityManager;
    private final TelemetryConfig config;
    private final Clock clock;

    public FleetOverview(EntityManager entityManager, TelemetryConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    /** One device in a top-N list. */
    public record TopDevice(String deviceId, String name, double value, Instant at) {
    }

    /** Devices that sent a sample within {@code reportingWindow}, and the top-N per resource. */
    public record Overview(long devicesReporting, String reportingWindow, Map<String, List<TopDevice>> top) {
    }

    public Overview overview(String orgId, DeviceScopes.Scope scope, int topN) {
        Instant since = clock.instant().minus(config.reportingWindow());
        Query reporting = entityManager.createNativeQuery("SELECT count(DISTINCT device_id) FROM metric_latest "
                + "WHERE org_id = :org AND ts >= :since AND " + scope.condition("device_id"));
        bind(reporting, orgId, since, scope);
        long devices = ((Number) reporting.getSingleResult()).longValue();
        Map<String, List<TopDevice>> top = new LinkedHashMap<>();
        for (String resource : List.of("cpu", "memory", "disk")) {
            top.put(resource, top(orgId, scope, RESOURCES.get(resource), since, topN));
        }
        return new Overview(devices, config.reportingWindow().toString(), top);
    }

    private List<TopDevice> top(String orgId, DeviceScopes.Scope scope, String metric, Instant since, int topN) {
        Query query = entityManager.createNativeQuery("SELECT CAST(l.device_id AS text), max(p.name), max(l.value) AS v, "
                + "max(l.ts) FROM metric_latest l LEFT JOIN device_projection p ON p.org_id = l.org_id "
                + "AND COALESCE(p.identity_id, p.device_id) = l.device_id WHERE l.org_id = :org AND l.metric = :metric "
                + "AND l.ts >= :since AND " + scope.condition("l.device_id") + " GROUP BY l.device_id "
                + "ORDER BY v DESC, l.device_id LIMIT :top").setParameter("metric", metric).setParameter("top", topN);
        bind(query, orgId, since, scope);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new TopDevice((String) r[0], (String) r[1], ((Number) r[2]).doubleValue(),
                MetricQueries.instant(r[3]))).toList();
    }

    private static void bind(Query query, String orgId, Instant since, DeviceScopes.Scope scope) {
        query.setParameter("org", orgId).setParameter("since", since.atOffset(ZoneOffset.UTC));
        scope.params().forEach(query::setParameter);
    }
}
