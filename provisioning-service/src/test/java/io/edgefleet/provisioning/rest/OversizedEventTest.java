package io.edgefleet.provisioning.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.localinfra.PostgresServer;
import io.edgefleet.provisioning.TestDevice;
import io.edgefleet.testsupport.EdgeFleetInfra;
import io.edgefleet.testsupport.EventAssertions;
import io.edgefleet.testsupport.KafkaTestClient;
import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Hardening item 2: an oversized reason is refused at the door, and an event Kafka refuses
 * for good is parked while the relay goes on publishing the events behind it.
 */
@QuarkusTest
class OversizedEventTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aReasonOverTheLimitIsRefusedAndChangesNothing() throws Exception {
        TestDevice.Enrolled device = TestDevice.enrolledDevice();
        revoke(device.deviceId(), "r".repeat(1_025)).then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem("reason"));
        revoke(device.deviceId(), "r".repeat(5_000_000)).then().statusCode(413).contentType(PROBLEM)
                .body("code", equalTo("BODY_TOO_LARGE"));
        assertEquals(0, count("SELECT count(*) FROM device_identity WHERE revoked_at IS NOT NULL AND device_id = '"
                + device.deviceId() + "'"), "a refused revocation revokes nothing");
    }

    @Test
    void anEventKafkaRefusesIsParkedAndTheRelayGoesOn() throws Exception {
        TestDevice.Enrolled refused = TestDevice.enrolledDevice();
        TestDevice.Enrolled published = TestDevice.enrolledDevice();
        EventAssertions.awaitEvent(EventType.DEVICE_ENROLLED, published.deviceId(), "default");
        // The broker refuses records over 1,000 bytes on this topic: the 1,000-character reason's event is one.
        topicMaxMessageBytes("1000");
        try {
            revoke(refused.deviceId(), "r".repeat(1_000)).then().statusCode(200);
            revoke(published.deviceId(), null).then().statusCode(200);

            EventAssertions.awaitEvent(EventType.DEVICE_REVOKED, published.deviceId(), "default");
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> parkedFor(refused.deviceId()) == 1);
            assertEquals(0, count("SELECT count(*) FROM outbox_event"), "the relay is not wedged: nothing is left behind");
            assertTrue(KafkaTestClient.awaitRecords(Topics.PROVISIONING_EVENTS, 1, Duration.ofSeconds(5),
                    r -> published.deviceId().equals(r.key())).stream().noneMatch(r -> r.value().contains("rrrrrrrrrr")));
            String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith("edgefleet_outbox_parked_total") && !l.endsWith(" 0.0")),
                    "parked events are counted");
        } finally {
            topicMaxMessageBytes(null);
        }
        // Hardening item 15: once the cause is fixed, an admin replays the parked event and it is published.
        String parkedId = given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/admin/parked-events")
                .then().statusCode(200).extract().path("items.find { it.subject == '" + refused.deviceId() + "' }.id");
        given().auth().oauth2(TestTokens.operator()).when().post("/api/v1/admin/parked-events/" + parkedId + "/replay")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).when().post("/api/v1/admin/parked-events/" + parkedId + "/replay")
                .then().statusCode(200).body("replayedBy", org.hamcrest.Matchers.notNullValue());
        var revoked = KafkaTestClient.awaitRecords(Topics.PROVISIONING_EVENTS, 1, Duration.ofSeconds(30),
                r -> refused.deviceId().equals(r.key()) && parkedId.equals(KafkaTestClient.header(r, "ce_id")));
        assertTrue(revoked.get(0).value().contains("rrrrrrrrrr"), "the parked event itself was published");
    }

    private static io.restassured.response.Response revoke(String deviceId, String reason) {
        return given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(reason == null ? Map.of() : Map.of("reason", reason))
                .when().post("/api/v1/devices/" + deviceId + "/revoke");
    }

    private static void topicMaxMessageBytes(String value) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                EdgeFleetInfra.kafka().bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.PROVISIONING_EVENTS);
            AlterConfigOp op = value == null
                    ? new AlterConfigOp(new ConfigEntry("max.message.bytes", ""), AlterConfigOp.OpType.DELETE)
                    : new AlterConfigOp(new ConfigEntry("max.message.bytes", value), AlterConfigOp.OpType.SET);
            Map<ConfigResource, Collection<AlterConfigOp>> change = Map.of(topic, List.of(op));
            admin.incrementalAlterConfigs(change).all().get();
        }
    }

    private static int parkedFor(String deviceId) throws Exception {
        return count("SELECT count(*) FROM parked_event WHERE type = '" + EventType.DEVICE_REVOKED.wireName()
                + "' AND subject = '" + deviceId + "' AND error LIKE '%RecordTooLarge%'");
    }

    private static int count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(EdgeFleetInfra.jdbcUrl(), PostgresServer.USER, "postgres");
             PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }
}
