package io.edgefleet.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.localinfra.PostgresServer;
import io.edgefleet.testsupport.EdgeFleetInfra;
import io.edgefleet.testsupport.KafkaTestClient;
import io.edgefleet.testsupport.PoisonRecords;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What every service embedding libs/policy-admission must do with fleet.policy.rules, over real
 * Kafka and PostgreSQL. Each such service runs it with a {@code @QuarkusTest} subclass.
 */
public abstract class DenyRulesContract {

    private static final String ORG = "default";

    /** The service's {@code quarkus.application.name}. */
    protected abstract String serviceName();

    @Test
    void anOlderRuleNeverOverwritesANewerOneAndATombstoneRemovesIt() throws Exception {
        String id = UUID.randomUUID().toString();
        publish(id, rule(id, "newer", "2026-12-02T12:00:00Z"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "newer".equals(name(id)));
        publish(id, rule(id, "older", "2026-12-02T11:00:00Z"));
        String marker = UUID.randomUUID().toString();
        publish(marker, rule(marker, "marker", "2026-12-02T12:00:00Z"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "marker".equals(name(marker)));
        assertEquals("newer", name(id));

        var headers = PoisonRecords.headers(EventType.DENY_RULE.wireName(), ORG, id);
        headers.remove("content-type");
        KafkaTestClient.publish(Topics.POLICY_RULES, id, (String) null, headers);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> name(id) == null);
    }

    @Test
    void noRecordStopsTheConsumer() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        PoisonRecords.assertConsumerSurvives(Topics.POLICY_RULES, serviceName(), EventType.DENY_RULE.wireName(), ORG,
                rule(UUID.randomUUID().toString(), "never-applied", "2026-12-02T12:00:00Z"),
                new PoisonRecords.Good(first, rule(first, "good-1", "2026-12-02T12:00:00Z"),
                        PoisonRecords.headers(EventType.DENY_RULE.wireName(), ORG, first)),
                new PoisonRecords.Good(second, rule(second, "good-2", "2026-12-02T12:00:00Z"),
                        PoisonRecords.headers(EventType.DENY_RULE.wireName(), ORG, second)),
                () -> "good-1".equals(name(first)) && "good-2".equals(name(second)));
    }

    /** An admission rule scoped to no device, so it refuses nothing another test of the service sends. */
    static String rule(String assignmentId, String name, String changedAt) {
        return "{\"assignmentId\":\"" + assignmentId + "\",\"assignmentName\":\"" + name + "\",\"policyId\":\""
                + UUID.randomUUID() + "\",\"policyName\":\"contract\",\"kind\":\"admission\",\"rule\":\"request.kind != 'never'\","
                + "\"message\":\"never\",\"params\":{},\"labelSelector\":\"contract-test=none\",\"changedAt\":\"" + changedAt + "\"}";
    }

    private static void publish(String key, String data) {
        KafkaTestClient.publish(Topics.POLICY_RULES, key, data, PoisonRecords.headers(EventType.DENY_RULE.wireName(), ORG, key));
    }

    private static String name(String assignmentId) {
        try (Connection c = DriverManager.getConnection(EdgeFleetInfra.jdbcUrl(), PostgresServer.USER, "postgres");
             PreparedStatement st = c.prepareStatement("SELECT assignment_name FROM deny_rule WHERE assignment_id = ?::uuid")) {
            st.setString(1, assignmentId);
            try (ResultSet rows = st.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
