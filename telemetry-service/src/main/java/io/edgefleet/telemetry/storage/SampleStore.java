package io.edgefleet.telemetry.storage;

import io.edgefleet.events.telemetry.TelemetryBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Writes samples in large JDBC batches into day partitions (created on demand). A replayed
 * batch inserts nothing: its rows have the same (batch id, index, time) keys.
 */
@ApplicationScoped
public class SampleStore {

    private static final DateTimeFormatter PARTITION = DateTimeFormatter.ofPattern("yyyy_MM_dd");

    private final EntityManager entityManager;
    private final Set<LocalDate> knownPartitions = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Rollups rollups;
    private final LatestValues latest;

    public SampleStore(EntityManager entityManager, Rollups rollups, LatestValues latest) {
        this.entityManager = entityManager;
        this.rollups = rollups;
        this.latest = latest;
    }

    /** A batch and the organization it belongs to. */
    public record OwnedBatch(String orgId, TelemetryBatch batch) {
    }

    /** Must run in a transaction. Returns how many samples were new. */
    public int store(Collection<OwnedBatch> batches) {
        int[] inserted = {0};
        entityManager.unwrap(Session.class).doWork(connection -> {
            ensurePartitions(connection, batches);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO metric_sample (org_id, device_id, "
                    + "metric, labels, ts, value, batch_id, idx) VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?) "
                    + "ON CONFLICT DO NOTHING")) {
                for (OwnedBatch owned : batches) {
                    List<TelemetryBatch.Sample> samples = owned.batch().samples();
                    for (int i = 0; i < samples.size(); i++) {
                        TelemetryBatch.Sample s = samples.get(i);
                        insert.setString(1, owned.orgId());
                        insert.setObject(2, UUID.fromString(owned.batch().deviceId()));
                        insert.setString(3, s.metric());
                        insert.setString(4, rollups.labels(s.labels()));
                        insert.setObject(5, s.timestamp().atOffset(ZoneOffset.UTC));
                        insert.setDouble(6, s.value());
                        insert.setObject(7, UUID.fromString(owned.batch().batchId()));
                        insert.setInt(8, i);
                        insert.addBatch();
                    }
                }
                int[] counts = insert.executeBatch();
                List<Sample> fresh = new java.util.ArrayList<>();
                int row = 0;
                for (OwnedBatch owned : batches) {
                    for (TelemetryBatch.Sample sample : owned.batch().samples()) {
                        if (counts[row++] > 0) {
                            fresh.add(new Sample(owned.orgId(), UUID.fromString(owned.batch().deviceId()), sample));
                        }
                    }
                }
                inserted[0] = fresh.size();
                rollups.add(connection, fresh);
                latest.add(connection, fresh);
            }
        });
        return inserted[0];
    }

    /** A sample with its owner, as the rollups need it. */
    record Sample(String orgId, UUID deviceId, TelemetryBatch.Sample sample) {
    }

    private void ensurePartitions(java.sql.Connection connection, Collection<OwnedBatch> batches) throws java.sql.SQLException {
        Set<LocalDate> days = new TreeSet<>();
        batches.forEach(b -> b.batch().samples().forEach(s -> days.add(s.timestamp().atOffset(ZoneOffset.UTC).toLocalDate())));
        days.removeAll(knownPartitions);
        try (Statement st = connection.createStatement()) {
            for (LocalDate day : days) {
                st.execute("CREATE TABLE IF NOT EXISTS metric_sample_" + day.format(PARTITION) + " PARTITION OF metric_sample "
                        + "FOR VALUES FROM ('" + day + "T00:00:00Z') TO ('" + day.plusDays(1) + "T00:00:00Z')");
                knownPartitions.add(day);
            }
        }
    }

    /** Retention dropped this day's partition: recreate it if samples of that day arrive again. */
    void forgetPartition(LocalDate day) {
        knownPartitions.remove(day);
    }
}
