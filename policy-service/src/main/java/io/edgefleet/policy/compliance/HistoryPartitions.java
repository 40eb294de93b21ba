package io.edgefleet.policy.compliance;

import io.edgefleet.policy.config.PolicyConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps {@code compliance_history} in month partitions: the next months are created ahead of
 * their first row, and whole months past {@code edgefleet.policy.history-retention} are dropped
 * (no row-by-row deletes). Rows that landed in the default partition (a month created late) are
 * deleted row by row once past the retention.
 */
@ApplicationScoped
public class HistoryPartitions {

    private static final Logger LOG = Logger.getLogger(HistoryPartitions.class);
    private static final String PREFIX = "compliance_history_";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy_MM");
    private static final int MONTHS_AHEAD = 2;

    private final EntityManager entityManager;
    private final PolicyConfig config;
    private final Clock clock;

    public HistoryPartitions(EntityManager entityManager, PolicyConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    void started(@Observes StartupEvent started) {
        maintain();
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void maintain() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        for (int ahead = 1; ahead <= MONTHS_AHEAD; ahead++) {
            create(YearMonth.from(today).plusMonths(ahead));
        }
        dropExpired(today);
    }

    /** Creates the month's partition unless it exists; false when rows of that month sit in the default partition already. */
    public boolean create(YearMonth month) {
        try {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("CREATE TABLE IF NOT EXISTS " + name(month)
                    + " PARTITION OF compliance_history FOR VALUES FROM ('" + month.atDay(1) + "') TO ('"
                    + month.plusMonths(1).atDay(1) + "')").executeUpdate());
            return true;
        } catch (RuntimeException e) {
            // Another replica created it meanwhile, or the default partition holds rows of this month: they stay there.
            LOG.debugf(e, "partition %s not created", name(month));
            return false;
        }
    }

    /** Drops every month partition wholly older than {@code today - retention}; returns their names. */
    public List<String> dropExpired(LocalDate today) {
        LocalDate oldestKept = today.minusDays(config.historyRetention().toDays());
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> partitions = entityManager.createNativeQuery("SELECT c.relname FROM pg_inherits i "
                    + "JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent "
                    + "WHERE p.relname = 'compliance_history'").getResultList();
            List<String> dropped = new ArrayList<>();
            for (String name : partitions) {
                if (name.matches(PREFIX + "\\d{4}_\\d{2}")
                        && YearMonth.parse(name.substring(PREFIX.length()), MONTH).plusMonths(1).atDay(1).isBefore(oldestKept)) {
                    entityManager.createNativeQuery("DROP TABLE " + name).executeUpdate();
                    dropped.add(name);
                }
            }
            entityManager.createNativeQuery("DELETE FROM compliance_history_default WHERE at < :oldest")
                    .setParameter("oldest", oldestKept.atStartOfDay().atOffset(ZoneOffset.UTC)).executeUpdate();
            return dropped;
        });
    }

    static String name(YearMonth month) {
        return PREFIX + month.format(MONTH);
    }
}
