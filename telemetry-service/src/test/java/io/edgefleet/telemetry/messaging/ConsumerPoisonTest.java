package io.edgefleet.telemetry.messaging;

import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.localinfra.PostgresServer;
import io.edgefleet.testsupport.EdgeFleetInfra;
import io.edgefleet.testsupport.PoisonRecords;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** No record on any topic telemetry consumes can stop its consumer or the service (hardening item 1). */
@QuarkusTest
class ConsumerPoisonTest {

    private static final String SERVICE = "telemetry-service";
    private static final String ORG = "poison-org";

    @Test
    void samples() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        run(Topics.TELEMETRY_SAMPLES, EventType.TELEMETRY_BATCH, batch(UUID.randomUUID().toString()), batch(first), batch(second),
                "SELECT count(*) FROM metric_sample WHERE device_id IN (?::uuid, ?::uuid)", first, second, 2);
    }

    @Test
    void agentReports() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        run(Topics.AGENT_REPORTS, EventType.AGENT_HEARTBEAT, heartbeat(UUID.randomUUID().toString()), heartbeat(first),
                heartbeat(second), "SELECT count(*) FROM device_presence WHERE device_id IN (?::uuid, ?::uuid)", first, second, 2);
    }

    @Test
    void inventoryActivity() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        run(Topics.INVENTORY_EVENTS, EventType.DEVICE_CONNECTIVITY_CHANGED, connectivity(UUID.randomUUID().toString()),
                connectivity(first), connectivity(second),
                "SELECT count(*) FROM device_presence WHERE device_id IN (?::uuid, ?::uuid)", first, second, 2);
    }

    @Test
    void commandStatus() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        run(Topics.COMMAND_STATUS, EventType.COMMAND_STATUS_CHANGED, failed(UUID.randomUUID().toString()), failed(first),
                failed(second), "SELECT count(*) FROM command_outcome WHERE device_id IN (?::uuid, ?::uuid)", first, second, 2);
    }

    @Test
    void provisioningEvents() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        run(Topics.PROVISIONING_EVENTS, EventType.DEVICE_REVOKED, revoked(UUID.randomUUID().toString()), revoked(first),
                revoked(second), "SELECT count(*) FROM revoked_device WHERE device_id IN (?::uuid, ?::uuid)", first, second, 2);
    }

    private static void run(String topic, EventType type, String validData, String firstData, String secondData,
                            String countSql, String first, String second, int expected) {
        PoisonRecords.assertConsumerSurvives(topic, SERVICE, type.wireName(), ORG, validData,
                new PoisonRecords.Good(first, firstData, PoisonRecords.headers(type.wireName(), ORG, first)),
                new PoisonRecords.Good(second, secondData, PoisonRecords.headers(type.wireName(), ORG, second)),
                () -> count(countSql, first, second) == expected);
    }

    private static String batch(String device) {
        return "{\"deviceId\":\"" + device + "\",\"batchId\":\"" + UUID.randomUUID() + "\",\"sequence\":0,\"samples\":["
                + "{\"metric\":\"node_cpu_usage_ratio\",\"labels\":{\"node\":\"linux\"},\"timestamp\":\"" + Instant.now()
                + "\",\"value\":0.5}],\"receivedAt\":\"" + Instant.now() + "\"}";
    }

    private static String heartbeat(String device) {
        return "{\"deviceId\":\"" + device + "\",\"agentVersion\":\"1.0.0\",\"sessionId\":\"s-1\",\"receivedAt\":\""
                + Instant.now() + "\"}";
    }

    private static String connectivity(String device) {
        return "{\"deviceId\":\"" + device + "\",\"connectivity\":\"connected\",\"lastSeenAt\":\"" + Instant.now()
                + "\",\"changedAt\":\"" + Instant.now() + "\"}";
    }

    private static String failed(String device) {
        return "{\"commandId\":\"" + UUID.randomUUID() + "\",\"deviceId\":\"" + device + "\",\"type\":\"collect-diagnostics\","
                + "\"status\":\"failed\",\"previousStatus\":\"running\",\"changedAt\":\"" + Instant.now() + "\"}";
    }

    private static String revoked(String device) {
        return "{\"deviceId\":\"" + device + "\",\"revokedBy\":\"op\",\"revokedAt\":\"" + Instant.now() + "\"}";
    }

    private static int count(String sql, String first, String second) {
        try (Connection c = DriverManager.getConnection(EdgeFleetInfra.jdbcUrl(), PostgresServer.USER, "postgres");
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, first);
            s.setString(2, second);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
