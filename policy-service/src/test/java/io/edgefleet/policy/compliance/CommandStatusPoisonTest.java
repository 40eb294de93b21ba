package io.edgefleet.policy.compliance;

import static io.restassured.RestAssured.given;

import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.localinfra.PostgresServer;
import io.edgefleet.testsupport.EdgeFleetInfra;
import io.edgefleet.testsupport.PoisonRecords;
import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** No record on fleet.commands.status can stop policy-service's remediation-outcome consumer. */
@QuarkusTest
class CommandStatusPoisonTest {

    @Test
    void noRecordStopsTheConsumer() throws Exception {
        String assignment = given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "poison-" + UUID.randomUUID().toString().substring(0, 8), "policy", "edge.static-ip-configured",
                        "effect", "remediate", "scope", Map.of("labelSelector", "poison-test=none"),
                        "remediation", Map.of("commandType", "restart-agent", "payload", Map.of())))
                .when().post("/api/v1/policy-assignments").then().statusCode(201).extract().path("id");
        String first = remediation(assignment);
        String second = remediation(assignment);
        String device = UUID.randomUUID().toString();
        PoisonRecords.assertConsumerSurvives(Topics.COMMAND_STATUS, "policy-service", EventType.COMMAND_STATUS_CHANGED.wireName(),
                "default", status(device, "never-applied"),
                new PoisonRecords.Good(device, status(device, first), PoisonRecords.headers(EventType.COMMAND_STATUS_CHANGED.wireName(),
                        "default", device)),
                new PoisonRecords.Good(device, status(device, second), PoisonRecords.headers(EventType.COMMAND_STATUS_CHANGED.wireName(),
                        "default", device)),
                () -> "succeeded".equals(state(first)) && "succeeded".equals(state(second)));
    }

    private static String status(String device, String key) {
        return "{\"commandId\":\"" + UUID.randomUUID() + "\",\"deviceId\":\"" + device + "\",\"type\":\"restart-agent\","
                + "\"status\":\"succeeded\",\"correlationId\":\"" + key + "\",\"changedAt\":\"2026-12-02T12:00:00Z\"}";
    }

    /** A remediation awaiting its command's outcome; returns its request key. */
    private static String remediation(String assignment) throws Exception {
        String device = UUID.randomUUID().toString();
        String key = Remediations.key(UUID.fromString(assignment), UUID.fromString(device), 1);
        try (Connection c = connection(); PreparedStatement st = c.prepareStatement("INSERT INTO remediation (assignment_id, device_id, "
                + "org_id, target_id, state, attempts, request_key, updated_at) VALUES (?::uuid, ?::uuid, 'default', ?::uuid, "
                + "'requested', 1, ?, now())")) {
            st.setString(1, assignment);
            st.setString(2, device);
            st.setString(3, UUID.randomUUID().toString());
            st.setString(4, key);
            st.executeUpdate();
        }
        return key;
    }

    private static String state(String key) {
        try (Connection c = connection(); PreparedStatement st = c.prepareStatement("SELECT state FROM remediation WHERE request_key = ?")) {
            st.setString(1, key);
            try (ResultSet rows = st.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connection() throws java.sql.SQLException {
        return DriverManager.getConnection(EdgeFleetInfra.jdbcUrl(), PostgresServer.USER, "postgres");
    }
}
