package io.edgefleet.telemetry.metrics;

import io.edgefleet.telemetry.config.TelemetryConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's {@code edgefleet_telemetry_*} metrics for Prometheus, registered at start so
 * every series is exposed from the first scrape. Gauges of fleet state are read from the
 * database every few seconds rather than per scrape (a scrape must stay cheap).
 */
@Startup
@ApplicationScoped
public class FleetMetrics {

    private static final List<String> SEVERITIES = List.of("critical", "warning", "info");

    private final EntityManager entityManager;
    private final TelemetryConfig config;
    private final Clock clock;
    private final AtomicLong devicesReporting = new AtomicLong();
    private final Map<String, AtomicLong> firing = Map.of("critical", new AtomicLong(), "warning", new AtomicLong(),
            "info", new AtomicLong());
    private final AtomicReference<Double> ingestLagSeconds = new AtomicReference<>(0.0);
    private final Counter ingested;
    private final Counter stored;

    public FleetMetrics(EntityManager entityManager, TelemetryConfig config, Clock clock, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
        Gauge.builder("edgefleet_telemetry_devices_reporting", devicesReporting, AtomicLong::get)
                .description("Devices whose newest sample is within the reporting window").register(registry);
        SEVERITIES.forEach(severity -> Gauge.builder("edgefleet_telemetry_alerts_firing", firing.get(severity), AtomicLong::get)
                .description("Alerts firing now").tag("severity", severity).register(registry));
        Gauge.builder("edgefleet_telemetry_ingest_lag_seconds", ingestLagSeconds, AtomicReference::get)
                .description("From a batch's acceptance to its storage, for the batch stored last").register(registry);
        ingested = Counter.builder("edgefleet_telemetry_samples_ingested").description("Samples accepted (Kafka acknowledged)")
                .register(registry);
        stored = Counter.builder("edgefleet_telemetry_samples_stored")
                .description("Samples written to PostgreSQL (replays not counted)").register(registry);
    }

    /** Kafka acknowledged a batch of {@code samples}. */
    public void ingested(int samples) {
        ingested.increment(samples);
    }

    /** The consumer stored {@code fresh} new samples of a batch accepted at {@code acceptedAt}. */
    public void stored(int fresh, Instant acceptedAt) {
        stored.increment(fresh);
        if (acceptedAt != null) {
            ingestLagSeconds.set(Math.max(0, Duration.between(acceptedAt, clock.instant()).toMillis() / 1000.0));
        }
    }

    @Scheduled(every = "10s", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        QuarkusTransaction.requiringNew().run(() -> {
            devicesReporting.set(((Number) entityManager.createNativeQuery("SELECT count(DISTINCT device_id) FROM metric_latest "
                    + "WHERE ts >= :since").setParameter("since", clock.instant().minus(config.reportingWindow())
                    .atOffset(ZoneOffset.UTC)).getSingleResult()).longValue());
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("SELECT severity, count(*) FROM alert WHERE state = 'firing' "
                    + "GROUP BY severity").getResultList();
            firing.values().forEach(count -> count.set(0));
            rows.forEach(r -> firing.get((String) r[0]).set(((Number) r[1]).longValue()));
        });
    }
}
