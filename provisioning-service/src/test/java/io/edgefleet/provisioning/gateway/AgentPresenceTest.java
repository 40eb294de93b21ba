package io.edgefleet.provisioning.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.localinfra.PostgresServer;
import io.edgefleet.provisioning.AgentClient;
import io.edgefleet.provisioning.Commands;
import io.edgefleet.provisioning.TestDevice;
import io.edgefleet.testsupport.EdgeFleetInfra;
import io.edgefleet.testsupport.EventAssertions;
import io.edgefleet.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Heartbeats and reports flow to fleet.agent.reports; last-seen reaches the database in batches. */
@QuarkusTest
class AgentPresenceTest {

    @Test
    void heartbeatsAndReportsArePublishedAndLastSeenIsRecorded() throws Exception {
        TestDevice.Enrolled device = TestDevice.enrolledDevice();
        try (AgentClient agent = AgentClient.connect(Commands.baseUrl(), device.accessToken())) {
            agent.send("{\"type\":\"heartbeat\",\"agentVersion\":\"1.2.3\"}");
            agent.send("{\"type\":\"report\",\"kind\":\"inventory\",\"report\":{\"nodes\":[{\"name\":\"n1\"}]}}");

            var heartbeat = KafkaTestClient.awaitRecords(Topics.AGENT_REPORTS, 1, Duration.ofSeconds(30),
                    r -> device.deviceId().equals(r.key()) && r.value().contains("1.2.3")).get(0);
            EventAssertions.assertMatchesSchema(EventType.AGENT_HEARTBEAT, heartbeat.value());
            var report = KafkaTestClient.awaitRecords(Topics.AGENT_REPORTS, 1, Duration.ofSeconds(30),
                    r -> device.deviceId().equals(r.key())
                            && EventType.AGENT_REPORT.wireName().equals(KafkaTestClient.header(r, "ce_type"))).get(0);
            assertEquals("inventory", EventAssertions.assertMatchesSchema(EventType.AGENT_REPORT, report.value())
                    .path("kind").asText());

            Awaitility.await("last seen written").atMost(Duration.ofSeconds(20)).until(() -> lastSeenRecorded(device.deviceId()));
        }
    }

    @Test
    void malformedAndUnknownMessagesGetAnErrorAndTheSessionStays() throws Exception {
        TestDevice.Enrolled device = TestDevice.enrolledDevice();
        try (AgentClient agent = AgentClient.connect(Commands.baseUrl(), device.accessToken())) {
            agent.send("{not json");
            assertEquals("MALFORMED_MESSAGE", agent.next("error", Duration.ofSeconds(10)).path("code").asText());
            agent.send("{\"type\":\"dance\"}");
            assertEquals("UNKNOWN_MESSAGE_TYPE", agent.next("error", Duration.ofSeconds(10)).path("code").asText());
            String id = Commands.apply(device.deviceId());
            assertEquals(id, agent.next("command", Duration.ofSeconds(20)).path("command").path("id").asText());
        }
    }

    /** Hardening item 4: a report breaking a bound is refused at the gateway, never published to stall consumers. */
    @Test
    void reportsBreakingABoundAreRefusedAtTheGateway() throws Exception {
        TestDevice.Enrolled device = TestDevice.enrolledDevice();
        try (AgentClient agent = AgentClient.connect(Commands.baseUrl(), device.accessToken())) {
            agent.send("{\"type\":\"report\",\"kind\":\"inventory\",\"report\":{\"nodes\":[{\"name\":\""
                    + "n".repeat(20_000) + "\"}]}}");
            assertEquals("UNPROCESSABLE", agent.next("error", Duration.ofSeconds(10)).path("code").asText());
            String sixteenNodes = java.util.stream.IntStream.range(0, 16).mapToObj(i -> "{\"name\":\"n" + i + "\"}")
                    .collect(java.util.stream.Collectors.joining(",", "[", "]"));
            agent.send("{\"type\":\"report\",\"kind\":\"inventory\",\"report\":{\"nodes\":" + sixteenNodes + "}}");
            assertEquals("UNPROCESSABLE", agent.next("error", Duration.ofSeconds(10)).path("code").asText());
            agent.send("{\"type\":\"report\",\"kind\":\"inventory\",\"report\":{\"cluster\":{\"name\":\""
                    + "c".repeat(20_000) + "\"}}}");
            assertEquals("UNPROCESSABLE", agent.next("error", Duration.ofSeconds(10)).path("code").asText());

            agent.send("{\"type\":\"report\",\"kind\":\"inventory\",\"report\":{\"nodes\":[{\"name\":\"fine\"}]}}");
            // On the device's partition a refused report, had it been published, would come first.
            var first = KafkaTestClient.awaitRecords(Topics.AGENT_REPORTS, 1, Duration.ofSeconds(30),
                    r -> device.deviceId().equals(r.key())
                            && EventType.AGENT_REPORT.wireName().equals(KafkaTestClient.header(r, "ce_type"))).get(0);
            assertEquals("fine", EventAssertions.assertMatchesSchema(EventType.AGENT_REPORT, first.value())
                    .path("report").path("nodes").get(0).path("name").asText());
        }
    }

    private static boolean lastSeenRecorded(String deviceId) throws Exception {
        try (Connection c = DriverManager.getConnection(EdgeFleetInfra.jdbcUrl(), PostgresServer.USER, "postgres");
             PreparedStatement st = c.prepareStatement(
                     "SELECT last_seen_at IS NOT NULL FROM device_identity WHERE device_id = ?::uuid")) {
            st.setString(1, deviceId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
