package io.edgefleet.telemetry.alert;

import io.edgefleet.telemetry.config.TelemetryConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps alert data from growing without end: resolved alerts and ended silences older than the
 * history retention, and command outcomes older than the longest failure-rate window, are deleted.
 */
@ApplicationScoped
public class AlertHistoryRetention {

    private final EntityManager entityManager;
    private final TelemetryConfig config;
    private final Clock clock;

    public AlertHistoryRetention(EntityManager entityManager, TelemetryConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void hourly() {
        purge(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    /** Deletes what expired as of the start of {@code today}; returns how many rows went. */
    public int purge(LocalDate today) {
        OffsetDateTime history = today.minusDays(config.alertHistoryRetention().toDays()).atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime outcomes = today.minusDays(AlertRuleValidator.LONGEST_FAILURE_WINDOW.toDays()).atStartOfDay()
                .atOffset(ZoneOffset.UTC);
        return QuarkusTransaction.requiringNew().call(() -> delete("DELETE FROM alert WHERE state = 'resolved' AND resolved_at < :t",
                history) + delete("DELETE FROM silence WHERE ends_at < :t", history)
                + delete("DELETE FROM command_outcome WHERE finished_at < :t", outcomes));
    }

    private int delete(String sql, OffsetDateTime before) {
        return entityManager.createNativeQuery(sql).setParameter("t", before).executeUpdate();
    }
}
