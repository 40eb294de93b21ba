package io.edgefleet.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.localinfra.PostgresServer;
import io.edgefleet.projection.read.DeviceScopes;
import io.edgefleet.projection.read.ProjectedDevices;
import io.edgefleet.testsupport.EdgeFleetInfra;
import io.edgefleet.testsupport.KafkaTestClient;
import io.edgefleet.testsupport.PoisonRecords;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What every service embedding the inventory projection must do, over real Kafka and
 * PostgreSQL. Each such service runs it with a {@code @QuarkusTest} subclass.
 */
public abstract class InventoryProjectionContract {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    DeviceScopes scopes;

    @Inject
    ProjectedDevices projectedDevices;

    /** The service's {@code quarkus.application.name}. */
    protected abstract String serviceName();

    @Test
    void aRedeliveredEventIsAppliedExactlyOnce() throws Exception {
        String deviceId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        publish(eventId, deviceId, deviceId, "first-name");
        awaitProjectedName(deviceId, "first-name");

        // The same event id again, even with other data, is a redelivery: it must change nothing.
        publish(eventId, deviceId, deviceId, "redelivered-name");
        // A later event on the same key (same partition) proves the redelivery was consumed before it.
        String marker = UUID.randomUUID().toString();
        publish(UUID.randomUUID().toString(), deviceId, marker, "marker");
        awaitProjectedName(marker, "marker");

        assertEquals("first-name", projectedName(deviceId));
        assertEquals(1, count("SELECT count(*) FROM inbox_event WHERE event_id = ? AND consumer = ?", eventId,
                serviceName() + "/inventory-events"));
    }

    @Test
    void laterDeviceStatesUpdateTheProjection() {
        String deviceId = UUID.randomUUID().toString();
        publish(UUID.randomUUID().toString(), deviceId, deviceId, "before-rename");
        String state = "{\"deviceId\":\"" + deviceId + "\",\"name\":\"after-rename\",\"labels\":{\"ring\":\"canary\"},"
                + "\"lifecycle\":\"registered\",\"connectivity\":\"offline\",\"resourceVersion\":1}";
        Map<String, String> headers = new java.util.HashMap<>(headers(UUID.randomUUID().toString(), deviceId));
        headers.put("ce_type", EventType.DEVICE_UPDATED.wireName());
        KafkaTestClient.publish(Topics.INVENTORY_EVENTS, deviceId, "{\"device\":" + state + ",\"changedFields\":[\"name\"]}",
                headers);
        awaitProjectedName(deviceId, "after-rename");
    }

    @Test
    void enrolledDevicesKeepProvisioningsIdentity() throws Exception {
        String deviceId = UUID.randomUUID().toString();
        String identityId = UUID.randomUUID().toString();
        publish(UUID.randomUUID().toString(), deviceId, deviceId, "pre-registered");
        String state = "{\"deviceId\":\"" + deviceId + "\",\"identityId\":\"" + identityId + "\",\"name\":\"enrolled\","
                + "\"labels\":{},\"lifecycle\":\"enrolled\",\"connectivity\":\"connected\",\"resourceVersion\":2}";
        publishAs(EventType.DEVICE_UPDATED, deviceId, "{\"device\":" + state + ",\"changedFields\":[\"lifecycle\"]}");
        awaitProjectedName(deviceId, "enrolled");

        assertEquals(1, count("SELECT count(*) FROM device_projection WHERE device_id = ?::uuid AND identity_id = ?::uuid",
                deviceId, identityId));
    }

    @Test
    void groupsAreProjectedWithTheirMembersAndForgottenWhenDeleted() {
        String groupId = UUID.randomUUID().toString();
        String member = UUID.randomUUID().toString();
        String group = "{\"groupId\":\"" + groupId + "\",\"name\":\"site-9\",\"kind\":\"static\",\"members\":[\""
                + member + "\"],\"deleted\":false,\"changedAt\":\"2026-11-29T10:00:00Z\"}";
        publishAs(EventType.GROUP_CHANGED, groupId, group);
        Awaitility.await().atMost(WAIT).until(() -> count("SELECT count(*) FROM group_projection WHERE group_id = ?::uuid "
                + "AND name = 'site-9' AND members = ARRAY[?::uuid]", groupId, member) == 1);

        publishAs(EventType.GROUP_CHANGED, groupId, group.replace("\"deleted\":false", "\"deleted\":true"));
        Awaitility.await().atMost(WAIT).until(() -> count("SELECT count(*) FROM group_projection WHERE group_id = ?::uuid",
                groupId) == 0);
    }

    @Test
    void decommissionedDevicesAreNoLongerTargets() {
        String site = "site-" + UUID.randomUUID();
        String kept = UUID.randomUUID().toString();
        String retired = UUID.randomUUID().toString();
        for (String id : java.util.List.of(kept, retired)) {
            KafkaTestClient.publish(Topics.INVENTORY_EVENTS, id, registered(id, "d-" + id).replace("\"env\":\"test\"",
                    "\"site\":\"" + site + "\""), headers(UUID.randomUUID().toString(), id));
        }
        String groupId = UUID.randomUUID().toString();
        publishAs(EventType.GROUP_CHANGED, groupId, "{\"groupId\":\"" + groupId + "\",\"name\":\"" + site
                + "\",\"kind\":\"static\",\"members\":[\"" + kept + "\",\"" + retired + "\"],\"deleted\":false,"
                + "\"changedAt\":\"2026-12-02T10:00:00Z\"}");
        Awaitility.await().atMost(WAIT).until(() -> targets(null, site, null).size() == 2
                && targets(null, null, "site=" + site).size() == 2);

        publishAs(EventType.DEVICE_DECOMMISSIONED, retired, "{\"deviceId\":\"" + retired + "\",\"decommissionedBy\":\"ops\","
                + "\"decommissionedAt\":\"2026-12-02T10:01:00Z\"}");
        java.util.List<UUID> onlyKept = java.util.List.of(UUID.fromString(kept));
        Awaitility.await().atMost(WAIT).until(() -> targets(null, site, null).equals(onlyKept));
        assertEquals(onlyKept, targets(null, null, "site=" + site));
        assertEquals(java.util.List.of(), targets(retired, null, null), "not a target even when named by id");
        assertEquals(onlyKept, targets(kept, null, null));
        assertEquals("d-" + retired, nameOrNull(retired), "the retired device stays projected");
    }

    /** The devices the projection's read API resolves for one scope, as a service embedding it would. */
    private java.util.List<UUID> targets(String device, String group, String labelSelector) {
        DeviceScopes.Scope scope = scopes.resolve("default", device, group, labelSelector);
        return projectedDevices.targets("default", scope, 10);
    }

    private static void publishAs(EventType type, String key, String data) {
        Map<String, String> headers = new java.util.HashMap<>(headers(UUID.randomUUID().toString(), key));
        headers.put("ce_type", type.wireName());
        KafkaTestClient.publish(Topics.INVENTORY_EVENTS, key, data, headers);
    }

    @Test
    void noRecordStopsTheConsumer() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        PoisonRecords.assertConsumerSurvives(Topics.INVENTORY_EVENTS, serviceName(), EventType.DEVICE_REGISTERED.wireName(),
                "default", registered(UUID.randomUUID().toString(), "never-applied"),
                new PoisonRecords.Good(first, registered(first, "good-1"), headers(UUID.randomUUID().toString(), first)),
                new PoisonRecords.Good(second, registered(second, "good-2"), headers(UUID.randomUUID().toString(), second)),
                () -> "good-1".equals(nameOrNull(first)) && "good-2".equals(nameOrNull(second)));
    }

    private static String registered(String deviceId, String name) {
        return "{\"deviceId\":\"" + deviceId + "\",\"name\":\"" + name + "\",\"labels\":{\"env\":\"test\"},"
                + "\"registeredAt\":\"2026-11-29T10:00:00Z\"}";
    }

    private void publish(String eventId, String key, String deviceId, String name) {
        KafkaTestClient.publish(Topics.INVENTORY_EVENTS, key, registered(deviceId, name), headers(eventId, deviceId));
    }

    private static Map<String, String> headers(String eventId, String subject) {
        return Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_source", "/test",
                "ce_type", EventType.DEVICE_REGISTERED.wireName(), "ce_subject", subject,
                "ce_orgid", "default", "content-type", "application/json");
    }

    private static void awaitProjectedName(String deviceId, String name) {
        Awaitility.await().atMost(WAIT).until(() -> name.equals(projectedName(deviceId)));
    }

    private static String nameOrNull(String deviceId) {
        try {
            return projectedName(deviceId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String projectedName(String deviceId) throws SQLException {
        try (Connection c = connect();
             PreparedStatement st = c.prepareStatement("SELECT name FROM device_projection WHERE device_id = ?::uuid")) {
            st.setString(1, deviceId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long count(String sql, String... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setString(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(EdgeFleetInfra.jdbcUrl(), PostgresServer.USER, "postgres");
    }
}
