package io.edgefleet.telemetry.storage;

import io.edgefleet.events.telemetry.TelemetryBatch;
import io.edgefleet.messaging.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Writes samples into day partitions (created on demand), one array-fed INSERT per batch. A
 * replayed batch inserts nothing: its rows have the same (batch id, index, time) keys.
 */
@ApplicationScoped
public class SampleStore {

    private static final DateTimeFormatter PARTITION = DateTimeFormatter.ofPattern("yyyy_MM_dd");

    private final EntityManager entityManager;
    private final Set<LocalDate> knownPartitions = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Rollups rollups;
    private final LatestValues latest;
    private final AfterCommit afterCommit;

    public SampleStore(EntityManager entityManager, Rollups rollups, LatestValues latest, AfterCommit afterCommit) {
        this.entityManager = entityManager;
        this.rollups = rollups;
        this.latest = latest;
        this.afterCommit = afterCommit;
    }

    /** A batch and the organization it belongs to. */
    public record OwnedBatch(String orgId, TelemetryBatch batch) {
    }

    /** Must run in a transaction. Returns how many samples were new. */
    public int store(Collection<OwnedBatch> batches) {
        int[] inserted = {0};
        entityManager.unwrap(Session.class).doWork(connection -> {
            ensurePartitions(connection, batches);
            List<Sample> fresh = new ArrayList<>();
            for (OwnedBatch owned : batches) {
                fresh.addAll(insertNew(connection, owned));
            }
            inserted[0] = fresh.size();
            rollups.add(connection, fresh);
            latest.add(connection, fresh);
        });
        return inserted[0];
    }

    /**
     * One statement per batch: the samples travel as arrays and come back only where they were
     * new (a replay returns none), so rollups and latest values never count a sample twice.
     */
    private List<Sample> insertNew(Connection connection, OwnedBatch owned) throws SQLException {
        List<TelemetryBatch.Sample> samples = owned.batch().samples();
        UUID device = UUID.fromString(owned.batch().deviceId());
        List<Sample> fresh = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO metric_sample (org_id, device_id, metric, labels, "
                + "ts, value, batch_id, idx) SELECT ?, ?, m, CAST(l AS jsonb), CAST(t AS timestamptz), v, ?, i "
                + "FROM unnest(?, ?, ?, ?, ?) AS s(m, l, t, v, i) ON CONFLICT DO NOTHING RETURNING idx")) {
            insert.setString(1, owned.orgId());
            insert.setObject(2, device);
            insert.setObject(3, UUID.fromString(owned.batch().batchId()));
            bindColumns(connection, insert, samples);
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    fresh.add(new Sample(owned.orgId(), device, samples.get(rows.getInt(1))));
                }
            }
        }
        return fresh;
    }

    /** The samples as five parallel arrays (metric, labels, time, value, index) for {@code unnest}. */
    private void bindColumns(Connection connection, PreparedStatement insert, List<TelemetryBatch.Sample> samples)
            throws SQLException {
        int n = samples.size();
        String[] metrics = new String[n];
        String[] labels = new String[n];
        String[] times = new String[n];
        Double[] values = new Double[n];
        Integer[] indexes = new Integer[n];
        for (int i = 0; i < n; i++) {
            TelemetryBatch.Sample sample = samples.get(i);
            metrics[i] = sample.metric();
            labels[i] = rollups.labels(sample.labels());
            times[i] = sample.timestamp().toString();
            values[i] = sample.value();
            indexes[i] = i;
        }
        insert.setArray(4, connection.createArrayOf("text", metrics));
        insert.setArray(5, connection.createArrayOf("text", labels));
        insert.setArray(6, connection.createArrayOf("text", times));
        insert.setArray(7, connection.createArrayOf("float8", values));
        insert.setArray(8, connection.createArrayOf("int4", indexes));
    }

    /** A sample with its owner, as the rollups need it. */
    record Sample(String orgId, UUID deviceId, TelemetryBatch.Sample sample) {
    }

    private void ensurePartitions(Connection connection, Collection<OwnedBatch> batches) throws SQLException {
        Set<LocalDate> days = new TreeSet<>();
        batches.forEach(b -> b.batch().samples().forEach(s -> days.add(s.timestamp().atOffset(ZoneOffset.UTC).toLocalDate())));
        days.removeAll(knownPartitions);
        if (days.isEmpty()) {
            return;
        }
        try (Statement st = connection.createStatement()) {
            for (LocalDate day : days) {
                st.execute("CREATE TABLE IF NOT EXISTS metric_sample_" + day.format(PARTITION) + " PARTITION OF metric_sample "
                        + "FOR VALUES FROM ('" + day + "T00:00:00Z') TO ('" + day.plusDays(1) + "T00:00:00Z')");
            }
        }
        // A partition created in a transaction that rolls back does not exist: remember it once committed.
        afterCommit.run(() -> knownPartitions.addAll(days));
    }

    /** Retention dropped this day's partition: recreate it if samples of that day arrive again. */
    void forgetPartition(LocalDate day) {
        knownPartitions.remove(day);
    }
}
