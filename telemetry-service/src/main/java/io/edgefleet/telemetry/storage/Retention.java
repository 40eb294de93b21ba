package io.edgefleet.telemetry.storage;

import io.edgefleet.telemetry.config.TelemetryConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Drops whole day partitions of raw samples once they are older than the retention (no
 * row-by-row deletes), and deletes rollups older than theirs (far fewer rows).
 */
@ApplicationScoped
public class Retention {

    private static final DateTimeFormatter PARTITION = DateTimeFormatter.ofPattern("yyyy_MM_dd");
    private static final String PREFIX = "metric_sample_";

    private final EntityManager entityManager;
    private final SampleStore store;
    private final TelemetryConfig config;
    private final Clock clock;

    public Retention(EntityManager entityManager, SampleStore store, TelemetryConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        dropExpired(today);
        purgeRollups(today);
    }

    /** Deletes 1-minute and 1-hour rollups older than their retentions; returns how many rows went. */
    public int purgeRollups(LocalDate today) {
        return QuarkusTransaction.requiringNew().call(() -> purge("1m", today, config.minuteRollupRetention())
                + purge("1h", today, config.hourRollupRetention()));
    }

    private int purge(String resolution, LocalDate today, java.time.Duration retention) {
        return entityManager.createNativeQuery("DELETE FROM metric_rollup WHERE resolution = :resolution AND bucket < :oldest")
                .setParameter("resolution", resolution)
                .setParameter("oldest", today.minusDays(retention.toDays()).atStartOfDay().atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    /** Drops every partition whose whole day is older than {@code today - retention}; returns their names. */
    public List<String> dropExpired(LocalDate today) {
        LocalDate oldestKept = today.minusDays(config.rawRetention().toDays());
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> partitions = entityManager.createNativeQuery("SELECT c.relname FROM pg_inherits i "
                    + "JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent "
                    + "WHERE p.relname = 'metric_sample'").getResultList();
            List<String> expired = partitions.stream().filter(name -> name.startsWith(PREFIX)
                    && LocalDate.parse(name.substring(PREFIX.length()), PARTITION).isBefore(oldestKept)).toList();
            for (String name : expired) {
                entityManager.createNativeQuery("DROP TABLE " + name).executeUpdate();
                store.forgetPartition(LocalDate.parse(name.substring(PREFIX.length()), PARTITION));
            }
            return expired;
        });
    }
}
