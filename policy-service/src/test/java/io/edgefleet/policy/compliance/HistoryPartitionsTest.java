package io.edgefleet.policy.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgefleet.localinfra.PostgresServer;
import io.edgefleet.testsupport.EdgeFleetInfra;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** History lives in month partitions made ahead of time; a month past the retention is dropped whole. */
@QuarkusTest
class HistoryPartitionsTest {

    @Inject
    HistoryPartitions partitions;

    @Test
    void monthsAreCreatedAheadAndDroppedPastTheRetention() throws Exception {
        YearMonth next = YearMonth.now().plusMonths(1);
        assertEquals(1, count("SELECT count(*) FROM pg_class WHERE relname = ?", HistoryPartitions.name(next)),
                "next month's partition exists before its first row");

        YearMonth old = YearMonth.of(2024, 1);
        assertTrue(partitions.create(old));
        String device = UUID.randomUUID().toString();
        try (Connection c = connection(); PreparedStatement st = c.prepareStatement("INSERT INTO compliance_history (org_id, device_id, "
                + "assignment_id, policy_id, state, at) VALUES ('default', ?::uuid, ?::uuid, ?::uuid, 'compliant', '2024-01-15T10:00:00Z')")) {
            st.setString(1, device);
            st.setString(2, UUID.randomUUID().toString());
            st.setString(3, UUID.randomUUID().toString());
            st.executeUpdate();
        }
        assertEquals(1, count("SELECT count(*) FROM " + HistoryPartitions.name(old) + " WHERE device_id = ?::uuid", device));

        assertTrue(partitions.dropExpired(LocalDate.of(2026, 12, 3)).contains(HistoryPartitions.name(old)));
        assertEquals(0, count("SELECT count(*) FROM compliance_history WHERE device_id = ?::uuid", device));
        assertEquals(1, count("SELECT count(*) FROM pg_class WHERE relname = ?", HistoryPartitions.name(next)),
                "a month inside the retention stays");
    }

    private static Connection connection() throws java.sql.SQLException {
        return DriverManager.getConnection(EdgeFleetInfra.jdbcUrl(), PostgresServer.USER, "postgres");
    }

    private static long count(String sql, String param) throws Exception {
        try (Connection c = connection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, param);
            try (ResultSet rows = st.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
