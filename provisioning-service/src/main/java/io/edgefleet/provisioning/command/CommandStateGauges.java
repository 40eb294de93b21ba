package io.edgefleet.provisioning.command;

import io.edgefleet.events.commands.CommandStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code edgefleet_commands{status}}: commands by state across the fleet, counted in the
 * database (the source of truth shared by all replicas) every few seconds.
 */
@ApplicationScoped
public class CommandStateGauges {

    private final EntityManager entityManager;
    private final Map<CommandStatus, AtomicLong> counts = new EnumMap<>(CommandStatus.class);

    public CommandStateGauges(EntityManager entityManager, MeterRegistry registry) {
        this.entityManager = entityManager;
        for (CommandStatus status : CommandStatus.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(status, count);
            Gauge.builder("edgefleet_commands", count, AtomicLong::get).tag("status", status.wireName())
                    .description("commands by status").register(registry);
        }
    }

    @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT status, count(*) FROM command GROUP BY status").getResultList());
        counts.values().forEach(count -> count.set(0));
        rows.forEach(row -> counts.get(CommandStatus.valueOf((String) row[0])).set(((Number) row[1]).longValue()));
    }
}
