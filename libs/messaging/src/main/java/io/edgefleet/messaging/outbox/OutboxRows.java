package io.edgefleet.messaging.outbox;

import io.agroal.api.AgroalDataSource;
import io.edgefleet.messaging.tx.BeforeCommit;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The outbox rows of a transaction, written as it commits ({@link BeforeCommit}), in record order
 * so {@code seq} keeps it, as batched statements of up to {@value #BATCH} rows: the events of a
 * rollout's dispatch or of a poll of command requests, and the audit entries beside them, cost a
 * few round trips instead of one per event. Plain JDBC on the transaction's own connection — no
 * managed entity that later queries would flush and dirty-check.
 */
@ApplicationScoped
class OutboxRows {

    static final int BATCH = 500;
    private static final String INSERT = "INSERT INTO outbox_event (id, org_id, topic, event_key, type, subject, "
            + "occurred_at, data, traceparent, tracestate) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** One event to insert. */
    record Row(UUID id, String orgId, String topic, String key, String type, OffsetDateTime occurredAt, String data,
               String traceparent, String tracestate) {
    }

    private final BeforeCommit beforeCommit;
    private final AgroalDataSource dataSource;
    private final BeforeCommit.Batch<Row> batch = new BeforeCommit.Batch<>("outbox", BATCH, this::write);

    OutboxRows(BeforeCommit beforeCommit, AgroalDataSource dataSource) {
        this.beforeCommit = beforeCommit;
        this.dataSource = dataSource;
    }

    /** Adds a row to the current transaction's. */
    void add(Row row) {
        beforeCommit.add(batch, row);
    }

    private void write(List<Row> rows) {
        // Within a JTA transaction the pool hands out the connection enlisted in it.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Row row : rows) {
                insert.setObject(1, row.id());
                insert.setString(2, row.orgId());
                insert.setString(3, row.topic());
                insert.setString(4, row.key());
                insert.setString(5, row.type());
                insert.setString(6, row.key());
                insert.setObject(7, row.occurredAt());
                insert.setString(8, row.data());
                insert.setString(9, row.traceparent());
                insert.setString(10, row.tracestate());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("writing " + rows.size() + " outbox events failed", e);
        }
    }
}
