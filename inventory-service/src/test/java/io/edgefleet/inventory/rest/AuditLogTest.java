package io.edgefleet.inventory.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.audit.AuditTrail;
import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.events.audit.AuditRecorded;
import io.edgefleet.inventory.InventoryApi;
import io.edgefleet.inventory.repository.AuditRepository;
import io.edgefleet.inventory.service.AuditLog;
import io.edgefleet.testsupport.EventAssertions;
import io.edgefleet.testsupport.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What an operator does is in the audit log with its subject and request, in the transaction of
 * the change (a refused change leaves nothing); refused callers are security events; only admins
 * of the organization read it; entries past their retention are purged.
 */
@QuarkusTest
class AuditLogTest {

    @Inject
    AuditLog log;
    @Inject
    AuditRepository repository;

    @Test
    void anOperatorsChangesAreAuditedWithSubjectRequestAndWhatChanged() {
        InventoryApi api = new InventoryApi();
        String id = api.operator().header("X-Request-Id", "req-register-1").body(Map.of("name", "audited-1"))
                .when().post("/api/v1/devices").then().statusCode(201).header("X-Request-Id", "req-register-1")
                .extract().path("id");
        api.operator().header("X-Request-Id", "req-stale").header("If-Match", "\"99\"").body(Map.of("labels", Map.of("a", "b"))).when().patch("/api/v1/devices/" + id).then().statusCode(412);
        api.operator().header("X-Request-Id", "req-label").body(Map.of("labels", Map.of("site", "berlin"))).when().patch("/api/v1/devices/" + id).then().statusCode(200);

        JsonPath updated = awaitEntries(api, Map.of("resourceId", id, "action", "inventory.device.updated"), 1);
        assertEquals("user", updated.getString("items[0].actor.kind"));
        assertEquals("test-fleet-operator", updated.getString("items[0].actor.id"));
        assertEquals("req-label", updated.getString("items[0].requestId"));
        assertEquals("PATCH", updated.getString("items[0].method"));
        assertEquals("/api/v1/devices/" + id, updated.getString("items[0].path"));
        assertEquals("127.0.0.1", updated.getString("items[0].sourceAddress"));
        assertEquals("inventory-service", updated.getString("items[0].service"));
        assertEquals("succeeded", updated.getString("items[0].outcome"));
        assertEquals("device", updated.getString("items[0].resourceType"));
        assertTrue(updated.getString("items[0].changes.find { it.field == 'changedFields' }.after").contains("labels"),
                updated.prettify());

        JsonPath all = awaitEntries(api, Map.of("resourceId", id), 2);
        assertEquals(List.of("inventory.device.updated", "inventory.device.registered"), all.getList("items.action"),
                "newest first; the refused patch (412) recorded nothing, the device state mirror is no action");
        assertEquals("req-register-1", all.getString("items[1].requestId"));
        assertEquals(0, entries(api, Map.of("requestId", "req-stale")).getList("items").size());
    }

    @Test
    void aRefusedCallerIsASecurityEventOfItsOrganization() {
        InventoryApi api = new InventoryApi();
        api.viewer().header("X-Request-Id", "req-denied").body(Map.of("name", "never")).when().post("/api/v1/devices")
                .then().statusCode(403);

        JsonPath denied = awaitEntries(api, Map.of("requestId", "req-denied"), 1);
        assertEquals("security.access-denied", denied.getString("items[0].action"));
        assertEquals("denied", denied.getString("items[0].outcome"));
        assertEquals("test-fleet-viewer", denied.getString("items[0].actor.id"));
        assertEquals("POST", denied.getString("items[0].method"));
        assertEquals(1, entries(api, Map.of("outcome", "denied")).getList("items").size());
    }

    /** A token that fails the check names no trustworthy organization: the event goes to the topic under "-". */
    @Test
    void aFailedLoginIsPublishedAsASecurityEvent() {
        String requestId = "req-bad-token-" + UUID.randomUUID();
        io.restassured.RestAssured.given().auth().oauth2("not.a.token").header("X-Request-Id", requestId)
                .when().get("/api/v1/devices").then().statusCode(401);

        var records = KafkaTestClient.awaitRecords(Topics.AUDIT_EVENTS, 1, Duration.ofSeconds(60),
                r -> r.value() != null && r.value().contains(requestId));
        JsonNode event = EventAssertions.assertMatchesSchema(EventType.AUDIT_RECORDED, records.get(0).value());
        assertEquals("security.authentication-failed", event.path("action").asText());
        assertEquals("anonymous", event.path("actor").path("kind").asText());
        assertEquals("denied", event.path("outcome").asText());
        assertEquals(AuditTrail.NO_ORGANIZATION, KafkaTestClient.header(records.get(0), "ce_orgid"));
        assertTrue(!records.get(0).value().contains("not.a.token"), "a refused token is never quoted");
    }

    @Test
    void onlyAdminsOfTheOrganizationReadIt() {
        InventoryApi api = new InventoryApi();
        String id = api.device("audited-other-org", Map.of());
        awaitEntries(api, Map.of("resourceId", id), 1);

        api.operator().when().get("/api/v1/audit-events").then().statusCode(403).contentType("application/problem+json");
        assertEquals(0, entries(new InventoryApi(), Map.of("resourceId", id)).getList("items").size());
    }

    @Test
    void filtersAreCheckedAndPagesFollowEachOther() {
        InventoryApi api = new InventoryApi();
        for (int i = 0; i < 3; i++) {
            api.device("audited-page-" + i, Map.of());
        }
        awaitEntries(api, Map.of("action", "inventory.device.registered"), 3);
        JsonPath first = entries(api, Map.of("action", "inventory.device.registered", "limit", "2"));
        JsonPath second = entries(api, Map.of("action", "inventory.device.registered", "cursor", first.getString("nextCursor")));
        assertEquals(2, first.getList("items").size());
        assertEquals(1, second.getList("items").size());
        assertTrue(first.getString("items[1].at").compareTo(second.getString("items[0].at")) >= 0);

        for (Map<String, String> bad : List.of(Map.of("since", "yesterday"), Map.of("outcome", "maybe"),
                Map.of("actor", "x".repeat(300)), Map.of("labelSelector", "a=b"), Map.of("cursor", "bogus"))) {
            api.as("fleet-admin").queryParams(bad).when().get("/api/v1/audit-events").then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void entriesPastTheirRetentionArePurged() {
        String org = "org-" + UUID.randomUUID();
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            repository.append(old, org, entry(Instant.now().minus(Duration.ofDays(401))), "[]");
            repository.append(recent, org, entry(Instant.now().minus(Duration.ofDays(399))), "[]");
        });
        assertTrue(log.purge() >= 1);
        List<UUID> left = log.page(org, new AuditRepository.AuditFilter(java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty()), java.util.Optional.empty(), 10).stream()
                .map(AuditRepository.StoredEntry::id).toList();
        assertEquals(List.of(recent), left);
    }

    private static AuditRecorded entry(Instant at) {
        return new AuditRecorded(new AuditRecorded.Actor("service", "test"), "test.kept", "test", "t", "succeeded", null,
                List.of(), null, null, null, null, "test", at);
    }

    static JsonPath awaitEntries(InventoryApi api, Map<String, String> filter, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> entries(api, filter).getList("items").size() >= count);
        return entries(api, filter);
    }

    static JsonPath entries(InventoryApi api, Map<String, String> filter) {
        return api.as("fleet-admin").queryParams(filter).when().get("/api/v1/audit-events").then().statusCode(200)
                .extract().jsonPath();
    }
}
