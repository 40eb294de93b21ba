package io.edgefleet.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Hardening acceptance: with the stack under a small steady load (commands from an operator,
 * heartbeats and telemetry from simulated devices), {@code kill -9} of inventory, provisioning and
 * telemetry one after the other and a Kafka restart lose no accepted command or sample, and
 * none takes effect twice (a resend is fine, a second effect is not).
 */
class FaultIT {

    private static final int DEVICES = 5;
    private static final List<String> VICTIMS = List.of("inventory", "provisioning", "telemetry", "kafka");

    @Test
    void killedServicesAndARestartedBrokerLoseNothingAndApplyNothingTwice() throws Exception {
        try (DevStack stack = new DevStack()) {
            stack.up("--devices", Integer.toString(DEVICES));
            List<String> devices = given().baseUri(stack.serviceUrl(1)).auth().oauth2(stack.adminToken())
                    .queryParam("labelSelector", "simulated=true").when().get("/api/v1/devices")
                    .then().statusCode(200).extract().path("items.identityId");
            assertEquals(DEVICES, devices.size());

            try (SteadyLoad load = SteadyLoad.start(stack, devices)) {
                for (String victim : VICTIMS) {
                    load.awaitMoreAccepted(3, Duration.ofSeconds(60));
                    stack.kill9(victim);
                    stack.up();
                }
                load.awaitMoreAccepted(3, Duration.ofSeconds(60));
            }
            SteadyLoad.Result result = SteadyLoad.last();
            assertTrue(result.accepted().size() >= 10, "the load kept going through the faults: " + result.accepted().size());
            System.out.printf("FaultIT: %d commands accepted through %s%n", result.accepted().size(), VICTIMS);

            awaitCommandsRan(stack, result.accepted().size());
            assertEquals(0, count(stack, "provisioning", "SELECT count(*) FROM (SELECT idempotency_key FROM command "
                    + "WHERE idempotency_key LIKE 'fault-%' GROUP BY idempotency_key HAVING count(*) > 1) twice"),
                    "one command per accepted request");
            awaitOutcomes(stack, result.accepted().size());
            assertEquals(count(stack, "provisioning", "SELECT count(*) FROM command WHERE status IN ('SUCCEEDED', 'FAILED')"),
                    count(stack, "telemetry", "SELECT count(*) FROM command_outcome"), "each finished command counted once");
            assertEquals(0, count(stack, "telemetry", "SELECT count(*) FROM (SELECT device_id, metric, labels, ts FROM metric_sample "
                    + "GROUP BY device_id, metric, labels, ts HAVING count(*) > 1) twice"), "no sample stored twice");
            Awaitility.await("samples flow again").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> count(stack, "telemetry", "SELECT count(*) FROM metric_sample WHERE ts > now() - interval '20 seconds'") > 0);
            assertEquals(DEVICES, count(stack, "inventory", "SELECT count(*) FROM device"), "no device registered twice");
        }
    }

    /** Every accepted command succeeded; when not, the failure says where the others stand and what provisioning logged. */
    private static void awaitCommandsRan(DevStack stack, int accepted) throws Exception {
        String succeeded = "SELECT count(*) FROM command WHERE idempotency_key LIKE 'fault-%' AND status = 'SUCCEEDED'";
        try {
            Awaitility.await("every accepted command ran").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> count(stack, "provisioning", succeeded) >= accepted);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(count(stack, "provisioning", succeeded) + " of " + accepted + " accepted commands succeeded; "
                    + "by status: " + statuses(stack) + "\nprovisioning:\n" + stack.logLines("provisioning", "ERROR")
                    + "\ndevices:\n" + stack.logLines("devices", "WARN"), e);
        }
    }

    private static String statuses(DevStack stack) throws Exception {
        return single(stack, "provisioning", "SELECT coalesce(string_agg(status || '=' || n, ' ' ORDER BY status), '') FROM "
                + "(SELECT status, count(*) n FROM command WHERE idempotency_key LIKE 'fault-%' GROUP BY status) s", rs -> rs.getString(1));
    }

    /**
     * Telemetry counts outcomes from {@code fleet.commands.status}, which provisioning relays from its outbox; when it
     * lags, the failure says how far each side got and what the two logs said about it, since the stack is gone after.
     */
    private static void awaitOutcomes(DevStack stack, int accepted) throws Exception {
        String outcomes = "SELECT count(*) FROM command_outcome";
        try {
            Awaitility.await("telemetry saw every outcome").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> count(stack, "telemetry", outcomes) >= accepted);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("telemetry counted " + count(stack, "telemetry", outcomes) + " of " + accepted
                    + " outcomes; provisioning's outbox holds " + count(stack, "provisioning", "SELECT count(*) FROM outbox_event")
                    + " unsent events\ntelemetry:\n" + stack.logLines("telemetry", "WARN") + "\n" + stack.logLines("telemetry", "ERROR")
                    + "\nprovisioning:\n" + stack.logLines("provisioning", "ERROR"), e);
        }
    }

    private static int count(DevStack stack, String database, String sql) throws Exception {
        return single(stack, database, sql, rs -> rs.getInt(1));
    }

    private interface Column<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** What {@code column} reads from the one row {@code sql} answers in that database of the stack. */
    private static <T> T single(DevStack stack, String database, String sql, Column<T> column) throws Exception {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(database), "postgres", "postgres");
             PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            rs.next();
            return column.read(rs);
        }
    }
}
