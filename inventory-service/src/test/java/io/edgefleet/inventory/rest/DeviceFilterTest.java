package io.edgefleet.inventory.rest;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgefleet.inventory.InventoryApi;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every list filter, alone and combined, on an organization of the test's own. */
@QuarkusTest
class DeviceFilterTest {

    @Test
    void labelSelectorsWithEveryOperator() {
        InventoryApi api = new InventoryApi();
        api.device("a", Map.of("env", "prod", "tier", "edge"));
        api.device("b", Map.of("env", "prod", "tier", "core", "canary", "true"));
        api.device("c", Map.of("env", "dev"));

        assertNames(api, Map.of("labelSelector", "env=prod"), "a", "b");
        assertNames(api, Map.of("labelSelector", "tier in (edge,core),!canary"), "a");
        assertNames(api, Map.of("labelSelector", "tier notin (core)"), "a", "c");
        assertNames(api, Map.of("labelSelector", "canary"), "b");
        assertNames(api, Map.of("labelSelector", "env!=prod"), "c");
    }

    @Test
    void statusConnectivityDistributionVersionGroupAndText() {
        InventoryApi api = new InventoryApi();
        String a = api.register(Map.of("name", "berlin-01", "hostOs", "Windows Server 2022")).then().extract().path("id");
        String b = api.device("paris-01", Map.of("site", "paris"));
        api.device("paris-02", Map.of("site", "paris"));
        String k3s = api.cluster("k3s-cluster", "k3s", "v1.30.4+k3s1");
        api.operator().when().put("/api/v1/clusters/" + k3s + "/machines/" + a).then().statusCode(200);
        api.operator().when().post("/api/v1/devices/" + b + "/decommission").then().statusCode(200);
        api.operator().body(Map.of("name", "hand-picked", "kind", "static", "members", List.of(a, b)))
                .when().post("/api/v1/groups").then().statusCode(201);
        api.operator().body(Map.of("name", "paris", "kind", "dynamic", "labelSelector", "site=paris"))
                .when().post("/api/v1/groups").then().statusCode(201);

        assertNames(api, Map.of("lifecycle", "decommissioned"), "paris-01");
        assertNames(api, Map.of("lifecycle", "registered"), "berlin-01", "paris-02");
        assertNames(api, Map.of("connectivity", "never-connected"), "berlin-01", "paris-01", "paris-02");
        assertNames(api, Map.of("connectivity", "offline"));
        assertNames(api, Map.of("connectivity", "connected"));
        assertNames(api, Map.of("distribution", "k3s"), "berlin-01");
        assertNames(api, Map.of("version", "v1.30.4+k3s1"), "berlin-01");
        // as typed into a URL: the unencoded + arrives as a space
        api.as("fleet-viewer").urlEncodingEnabled(false).when().get("/api/v1/devices?version=v1.30.4+k3s1").then()
                .statusCode(200).body("items.name", containsInAnyOrder("berlin-01"));
        assertNames(api, Map.of("group", "hand-picked"), "berlin-01", "paris-01");
        assertNames(api, Map.of("group", "paris"), "paris-01", "paris-02");
        assertNames(api, Map.of("group", "paris", "lifecycle", "registered"), "paris-02");
        assertNames(api, Map.of("q", "server 2022"), "berlin-01");
        assertNames(api, Map.of("q", "PARIS"), "paris-01", "paris-02");
    }

    @Test
    void pagesHaveNoDuplicatesOrGapsWhileDevicesAreAdded() {
        InventoryApi api = new InventoryApi();
        Set<String> before = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            before.add(api.device("page-" + i, Map.of()));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = api.as("fleet-viewer").queryParam("limit", 5).queryParam("cursor", cursor == null ? "" : cursor)
                    .when().get("/api/v1/devices").then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            api.device("added-during-" + pages, Map.of());
            pages++;
        } while (cursor != null);

        assertEquals(seen.size(), new HashSet<>(seen).size(), "no device appears twice");
        assertTrue(seen.containsAll(before), "every device present before listing is listed");
        assertTrue(pages >= 3);
    }

    private static void assertNames(InventoryApi api, Map<String, String> params, String... names) {
        api.as("fleet-viewer").queryParams(params).when().get("/api/v1/devices").then().statusCode(200)
                .body("items.name", containsInAnyOrder((Object[]) names));
    }
}
