package io.edgefleet.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.localinfra.PostgresServer;
import io.edgefleet.projection.read.DeviceScopes;
import io.edgefleet.projection.read.ProjectedDocuments;
import io.edgefleet.projection.read.ProjectedDevices;
import io.edgefleet.testsupport.EdgeFleetInfra;
import io.edgefleet.testsupport.PoisonRecords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
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
    private static final String ORG = "default";

    @Inject
    DeviceScopes scopes;

    @Inject
    ProjectedDevices projectedDevices;

    /** The service's {@code quarkus.application.name}. */
    protected abstract String serviceName();

    @Test
    void anOlderStateNeverOverwritesANewerOne() throws Exception {
        String deviceId = UUID.randomUUID().toString();
        InventoryRecords.state(ORG, deviceId, null, "second-name", Map.of(), "registered", 2);
        awaitProjectedName(deviceId, "second-name");

        // An older state (a replayed dead letter, say) changes nothing; a later one on the same key applies.
        InventoryRecords.state(ORG, deviceId, null, "first-name", Map.of(), "registered", 1);
        String marker = UUID.randomUUID().toString();
        InventoryRecords.state(ORG, marker, null, "marker", Map.of(), "registered", 1);
        awaitProjectedName(marker, "marker");
        assertEquals("second-name", projectedName(deviceId));

        InventoryRecords.state(ORG, deviceId, null, "third-name", Map.of("ring", "canary"), "registered", 3);
        awaitProjectedName(deviceId, "third-name");
        assertEquals(Map.of("ring", "canary"), inTransaction(() -> projectedDevices.labels(ORG, UUID.fromString(deviceId))));
    }

    @Test
    void enrolledDevicesKeepProvisioningsIdentity() throws Exception {
        String deviceId = UUID.randomUUID().toString();
        String identityId = UUID.randomUUID().toString();
        InventoryRecords.state(ORG, deviceId, null, "pre-registered", Map.of(), "registered", 1);
        InventoryRecords.state(ORG, deviceId, identityId, "enrolled", Map.of(), "enrolled", 2);
        awaitProjectedName(deviceId, "enrolled");

        assertEquals(1, count("SELECT count(*) FROM device_projection WHERE device_id = ?::uuid AND identity_id = ?::uuid",
                deviceId, identityId));
        assertEquals(List.of(UUID.fromString(identityId)), targets(identityId, null, null),
                "a device is targeted by the id commands and reports use");
    }

    @Test
    void aDeletedDevicesTombstoneRemovesItFromTheProjection() throws Exception {
        String deviceId = UUID.randomUUID().toString();
        InventoryRecords.state(ORG, deviceId, null, "to-delete", Map.of(), "decommissioned", 4);
        awaitProjectedName(deviceId, "to-delete");

        InventoryRecords.deleted(ORG, deviceId);
        Awaitility.await().atMost(WAIT).until(() -> nameOrNull(deviceId) == null);
    }

    @Test
    void devicesAreReadAsDocumentsWithTheirClusters() {
        String deviceId = UUID.randomUUID().toString();
        String clusterId = UUID.randomUUID().toString();
        java.time.Instant changed = java.time.Instant.parse("2026-12-02T11:00:00Z");
        String node = "[{\"name\":\"edge-ledge\",\"deviceId\":\"" + deviceId + "\",\"os\":\"linux\"}]";
        InventoryRecords.cluster(ORG, clusterId, "k3s", "flannel", "[\"" + deviceId + "\"]", node, changed);
        InventoryRecords.stateWith(ORG, deviceId, "edge", 1, "\"clusterId\":\"" + clusterId
                + "\",\"agentVersion\":\"1.1.0\",\"linuxNode\":{\"vcpus\":4,\"memoryMb\":8192}");
        Awaitility.await().atMost(WAIT).until(() -> documentOf(deviceId).map(d -> d.cluster() != null).orElse(false));
        ProjectedDocuments.Document document = documentOf(deviceId).orElseThrow();
        assertEquals("1.1.0", document.state().agentVersion());
        assertEquals(8192L, document.state().linuxNode().memoryMb());
        assertEquals("flannel", document.cluster().cni());
        assertEquals(List.of(UUID.fromString(deviceId)), inTransaction(() -> documents.machinesOf(ORG, UUID.fromString(clusterId))));

        // An older cluster state (by its change time) changes nothing.
        InventoryRecords.cluster(ORG, clusterId, "k3s", "calico", "[]", "[]", changed.minusSeconds(60));
        String marker = UUID.randomUUID().toString();
        InventoryRecords.cluster(ORG, marker, "k8s", "calico", "[]", "[]", changed);
        Awaitility.await().atMost(WAIT).until(() -> count("SELECT count(*) FROM cluster_projection WHERE cluster_id = ?::uuid",
                marker) == 1);
        assertEquals("flannel", documentOf(deviceId).orElseThrow().cluster().cni());
    }

    @Inject
    ProjectedDocuments documents;

    private java.util.Optional<ProjectedDocuments.Document> documentOf(String deviceId) {
        return inTransaction(() -> documents.of(ORG, UUID.fromString(deviceId)));
    }

    @Test
    void groupsAreProjectedWithTheirMembersAndForgottenWhenDeleted() {
        String groupId = UUID.randomUUID().toString();
        String member = UUID.randomUUID().toString();
        String group = "{\"groupId\":\"" + groupId + "\",\"name\":\"site-9\",\"kind\":\"static\",\"members\":[\""
                + member + "\"],\"deleted\":false,\"changedAt\":\"2026-11-29T10:00:00Z\"}";
        InventoryRecords.group(ORG, groupId, group);
        Awaitility.await().atMost(WAIT).until(() -> count("SELECT count(*) FROM group_projection WHERE group_id = ?::uuid "
                + "AND name = 'site-9' AND members = ARRAY[?::uuid]", groupId, member) == 1);

        InventoryRecords.group(ORG, groupId, group.replace("\"deleted\":false", "\"deleted\":true"));
        Awaitility.await().atMost(WAIT).until(() -> count("SELECT count(*) FROM group_projection WHERE group_id = ?::uuid",
                groupId) == 0);
    }

    @Test
    void decommissionedDevicesAreNoLongerTargets() {
        String site = "site-" + UUID.randomUUID();
        String kept = UUID.randomUUID().toString();
        String retired = UUID.randomUUID().toString();
        InventoryRecords.device(ORG, kept, null, "d-" + kept, Map.of("site", site));
        InventoryRecords.device(ORG, retired, null, "d-" + retired, Map.of("site", site));
        String groupId = UUID.randomUUID().toString();
        InventoryRecords.staticGroup(ORG, groupId, site, List.of(kept, retired));
        // GROUP_NOT_FOUND until the group is projected
        Awaitility.await().atMost(WAIT).ignoreException(io.edgefleet.core.error.FleetException.class)
                .until(() -> targets(null, site, null).size() == 2
                && targets(null, null, "site=" + site).size() == 2);

        InventoryRecords.state(ORG, retired, null, "d-" + retired, Map.of("site", site), "decommissioned", 2);
        List<UUID> onlyKept = List.of(UUID.fromString(kept));
        Awaitility.await().atMost(WAIT).until(() -> targets(null, site, null).equals(onlyKept));
        assertEquals(onlyKept, targets(null, null, "site=" + site));
        assertEquals(List.of(), targets(retired, null, null), "not a target even when named by id");
        assertEquals(onlyKept, targets(kept, null, null));
        assertEquals("d-" + retired, nameOrNull(retired), "the retired device stays projected");
    }

    @Test
    void roleBindingsAreProjectedInOrderAndForgottenWhenDeleted() {
        String id = UUID.randomUUID().toString();
        String user = "user-" + id;
        InventoryRecords.roleBinding(ORG, id, "user", user, "operator", "site=lab");
        Awaitility.await().atMost(WAIT).until(() -> bindingsOf(user).equals(List.of("operator site=lab")));

        // An older state (a replayed dead letter) changes nothing; an unknown role is poison, not a grant.
        InventoryRecords.roleBindingAt(ORG, id, "user", user, "viewer", null, java.time.Instant.parse("2026-01-01T00:00:00Z"));
        InventoryRecords.roleBinding(ORG, UUID.randomUUID().toString(), "user", user, "root", null);
        String marker = UUID.randomUUID().toString();
        InventoryRecords.roleBinding(ORG, marker, "user", "marker-" + marker, "viewer", null);
        Awaitility.await().atMost(WAIT).until(() -> bindingsOf("marker-" + marker).size() == 1);
        assertEquals(List.of("operator site=lab"), bindingsOf(user));

        InventoryRecords.roleBindingDeleted(ORG, id, user);
        Awaitility.await().atMost(WAIT).until(() -> bindingsOf(user).isEmpty());
    }

    @Test
    void noRecordStopsEitherConsumer() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        PoisonRecords.assertConsumerSurvives(Topics.INVENTORY_DEVICES, serviceName(), EventType.DEVICE_STATE.wireName(), ORG,
                state(UUID.randomUUID().toString(), "never-applied"),
                new PoisonRecords.Good(first, state(first, "good-1"), InventoryRecords.headers(EventType.DEVICE_STATE, ORG, first)),
                new PoisonRecords.Good(second, state(second, "good-2"), InventoryRecords.headers(EventType.DEVICE_STATE, ORG, second)),
                () -> "good-1".equals(nameOrNull(first)) && "good-2".equals(nameOrNull(second)));

        String group = UUID.randomUUID().toString();
        PoisonRecords.assertConsumerSurvives(Topics.INVENTORY_EVENTS, serviceName(), EventType.GROUP_CHANGED.wireName(), ORG,
                groupData(UUID.randomUUID().toString(), "never-applied"),
                new PoisonRecords.Good(group, groupData(group, "good-g1"), InventoryRecords.headers(EventType.GROUP_CHANGED, ORG, group)),
                new PoisonRecords.Good(group, groupData(group, "good-g2"), InventoryRecords.headers(EventType.GROUP_CHANGED, ORG, group)),
                () -> count("SELECT count(*) FROM group_projection WHERE group_id = ?::uuid AND name = 'good-g2'", group) == 1);
    }

    @Inject
    io.edgefleet.projection.read.ProjectedRoleBindings roleBindings;

    private List<String> bindingsOf(String user) {
        return roleBindings.of(ORG, List.of(user), List.of()).stream()
                .map(b -> b.role() + (b.selector() == null ? "" : " " + b.selector())).toList();
    }

    private static String state(String deviceId, String name) {
        return "{\"deviceId\":\"" + deviceId + "\",\"name\":\"" + name + "\",\"labels\":{\"env\":\"test\"},"
                + "\"lifecycle\":\"registered\",\"connectivity\":\"offline\",\"resourceVersion\":1}";
    }

    private static String groupData(String groupId, String name) {
        return "{\"groupId\":\"" + groupId + "\",\"name\":\"" + name + "\",\"kind\":\"dynamic\",\"selector\":\"env=test\","
                + "\"members\":[],\"deleted\":false,\"changedAt\":\"2026-12-02T10:00:00Z\"}";
    }

    /** The devices the projection's read API resolves for one scope, as a service embedding it would. */
    private List<UUID> targets(String device, String group, String labelSelector) {
        return inTransaction(() -> projectedDevices.targets(ORG, scopes.resolve(ORG, device, group, labelSelector), 10));
    }

    private static <T> T inTransaction(java.util.concurrent.Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
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

    private static long count(String sql, String... params) {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setString(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(EdgeFleetInfra.jdbcUrl(), PostgresServer.USER, "postgres");
    }
}
