package io.edgefleet.inventory.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgefleet.inventory.InventoryApi;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Role bindings scope what a user sees and changes: a site operator sees and changes only the
 * devices of their group, a viewer bound by a group claim only those their selector matches and
 * changes none; an organization-wide resource refuses both; a deleted binding stops working.
 */
@QuarkusTest
class ScopedRolesTest {

    @Test
    void aScopedOperatorSeesAndChangesOnlyTheDevicesOfItsScope() {
        InventoryApi api = new InventoryApi();
        String berlin = api.device("berlin-1", Map.of("site", "berlin"));
        String munich = api.device("munich-1", Map.of("site", "munich"));
        String group = api.operator().body(Map.of("name", "berlin-edge", "kind", "static", "members", List.of(berlin)))
                .when().post("/api/v1/groups").then().statusCode(201).extract().path("id");
        String binding = bind(api, "alice-site-op", "user", "alice", "operator", Map.of("groups", List.of("berlin-edge")));
        bind(api, "munich-viewers", "group", "munich-team", "viewer", Map.of("labelSelector", "site=munich"));

        awaitVisible(api, "alice", List.of(berlin));
        api.user("alice").when().get("/api/v1/devices/" + munich).then().statusCode(404).contentType("application/problem+json");
        api.user("alice").body(Map.of("labels", Map.of("site", "berlin", "rack", "2"))).when().patch("/api/v1/devices/" + berlin)
                .then().statusCode(200);
        api.user("alice").body(Map.of("labels", Map.of("x", "y"))).when().patch("/api/v1/devices/" + munich).then().statusCode(404);
        api.user("alice").body(Map.of("deviceIds", List.of(berlin, munich), "labels", Map.of("x", "y")))
                .when().post("/api/v1/devices/bulk-labels").then().statusCode(403).contentType("application/problem+json");
        api.user("alice").body(Map.of("name", "alices-own", "kind", "static")).when().post("/api/v1/groups")
                .then().statusCode(403).body("code", org.hamcrest.Matchers.equalTo("FORBIDDEN"));
        api.user("alice").when().get("/api/v1/clusters").then().statusCode(403);

        awaitVisible(api, "carol", List.of(munich), "munich-team");
        api.user("carol", "munich-team").body(Map.of("labels", Map.of("x", "y"))).when().patch("/api/v1/devices/" + munich)
                .then().statusCode(403);

        api.as("fleet-admin").when().delete("/api/v1/role-bindings/" + binding).then().statusCode(204);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                api.user("alice").when().get("/api/v1/devices").then().extract().statusCode() == 403);
        assertEquals(group, api.viewer().when().get("/api/v1/groups/" + group).then().extract().path("id"));
    }

    @Test
    void anOrganizationWideBindingIsARoleOverEverything() {
        InventoryApi api = new InventoryApi();
        bind(api, "bob-operator", "user", "bob", "operator", null);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api.user("bob")
                .body(Map.of("name", "bobs-group", "kind", "static")).when().post("/api/v1/groups").then().extract()
                .statusCode() == 201);
        api.user("bob").when().get("/api/v1/role-bindings").then().statusCode(403);
    }

    @Test
    void bindingsAreCheckedAndManagedByAdminsOnly() {
        InventoryApi api = new InventoryApi();
        Map<String, Object> adminOverAGroup = binding("scoped-admin", "user", "dave", "admin", Map.of("labelSelector", "a=b"));
        api.as("fleet-admin").body(adminOverAGroup).when().post("/api/v1/role-bindings").then().statusCode(422);
        api.as("fleet-admin").body(binding("ghost", "user", "dave", "viewer", Map.of("groups", List.of("no-such-group"))))
                .when().post("/api/v1/role-bindings").then().statusCode(422);
        api.as("fleet-admin").body(binding("Bad Name", "user", "dave", "viewer", null)).when().post("/api/v1/role-bindings")
                .then().statusCode(400);
        api.as("fleet-admin").body(binding("weird-role", "user", "dave", "root", null)).when().post("/api/v1/role-bindings")
                .then().statusCode(400);
        api.operator().body(binding("by-operator", "user", "dave", "viewer", null)).when().post("/api/v1/role-bindings")
                .then().statusCode(403);
        String id = bind(api, "dave-viewer", "user", "dave", "viewer", null);
        api.as("fleet-admin").body(binding("dave-viewer", "user", "dave", "viewer", null)).when().post("/api/v1/role-bindings")
                .then().statusCode(409);
        api.as("fleet-admin").header("If-Match", "\"7\"").body(binding("dave-viewer", "user", "dave", "operator", null))
                .when().put("/api/v1/role-bindings/" + id).then().statusCode(412);
        api.as("fleet-admin").queryParam("name", "dave-viewer").when().get("/api/v1/role-bindings").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(id));
    }

    private static String bind(InventoryApi api, String name, String kind, String subject, String role, Map<String, Object> scope) {
        return api.as("fleet-admin").body(binding(name, kind, subject, role, scope)).when().post("/api/v1/role-bindings")
                .then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> binding(String name, String kind, String subject, String role, Map<String, Object> scope) {
        Map<String, Object> spec = new java.util.HashMap<>(Map.of("subject", Map.of("kind", kind, "name", subject), "role", role));
        if (scope != null) {
            spec.put("scope", scope);
        }
        return Map.of("name", name, "spec", spec);
    }

    private static void awaitVisible(InventoryApi api, String user, List<String> devices, String... groups) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            var answer = api.user(user, groups).when().get("/api/v1/devices").then().extract();
            return answer.statusCode() == 200 && devices.equals(answer.path("items.id"));
        });
    }
}
