package io.edgefleet.inventory.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgefleet.inventory.InventoryApi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code sort=} on lists: every page in the asked order, cursors bound to their order. */
@QuarkusTest
class DeviceSortTest {

    @Inject
    EntityManager em;

    @Test
    void devicesPageByNameEitherWayWithoutGapsOrRepeats() {
        InventoryApi api = new InventoryApi();
        for (String name : List.of("charlie", "alpha", "delta", "bravo", "echo")) {
            api.device(name, Map.of());
        }
        assertEquals(List.of("alpha", "bravo", "charlie", "delta", "echo"), names(api, "/api/v1/devices", "name", 2));
        assertEquals(List.of("echo", "delta", "charlie", "bravo", "alpha"), names(api, "/api/v1/devices", "-name", 2));
        assertEquals(List.of("echo", "bravo", "delta", "alpha", "charlie"), names(api, "/api/v1/devices", "-createdAt", 3));
    }

    @Test
    void lastSeenFirstPutsDevicesNeverSeenLast() {
        InventoryApi api = new InventoryApi();
        String early = api.device("seen-early", Map.of());
        api.device("never-a", Map.of());
        String late = api.device("seen-late", Map.of());
        api.device("never-b", Map.of());
        seen(early, "2026-12-01T10:00:00Z");
        seen(late, "2026-12-01T11:00:00Z");

        List<String> order = names(api, "/api/v1/devices", "-lastSeenAt", 1);
        assertEquals(List.of("seen-late", "seen-early"), order.subList(0, 2));
        assertEquals(Set.of("never-a", "never-b"), Set.copyOf(order.subList(2, 4)));
        assertEquals(List.of("seen-early", "seen-late"), names(api, "/api/v1/devices", "lastSeenAt", 1).subList(2, 4));
    }

    @Test
    void clustersAndGroupsSortByNameToo() {
        InventoryApi api = new InventoryApi();
        api.cluster("zulu", "k3s", "v1.30.4+k3s1");
        api.cluster("kilo", "k8s", "v1.30.4");
        assertEquals(List.of("kilo", "zulu"), names(api, "/api/v1/clusters", "name", 1));
        for (String group : List.of("west", "east")) {
            api.operator().body(Map.of("name", group, "kind", "dynamic", "labelSelector", "site=" + group))
                    .when().post("/api/v1/groups").then().statusCode(201);
        }
        assertEquals(List.of("west", "east"), names(api, "/api/v1/groups", "-name", 1));
    }

    @Test
    void anOrderNotOfferedOrACursorOfAnotherOrderIsRefused() {
        InventoryApi api = new InventoryApi();
        api.device("one", Map.of());
        api.device("two", Map.of());
        api.viewer().queryParam("sort", "colour").when().get("/api/v1/devices").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("sort"));
        String byName = api.viewer().queryParam("sort", "name").queryParam("limit", 1).when().get("/api/v1/devices")
                .then().statusCode(200).extract().path("nextCursor");
        api.viewer().queryParam("sort", "-name").queryParam("cursor", byName).when().get("/api/v1/devices")
                .then().statusCode(400).body("code", equalTo("INVALID_CURSOR"));
    }

    private void seen(String deviceId, String at) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE device SET last_seen_at = :at WHERE id = :id")
                .setParameter("at", OffsetDateTime.parse(at)).setParameter("id", UUID.fromString(deviceId)).executeUpdate());
    }

    /** Every item's name, page after page of {@code limit}. */
    static List<String> names(InventoryApi api, String path, String sort, int limit) {
        List<String> names = new ArrayList<>();
        String cursor = "";
        do {
            var page = api.viewer().queryParam("sort", sort).queryParam("limit", limit).queryParam("cursor", cursor)
                    .when().get(path).then().statusCode(200).extract();
            names.addAll(page.path("items.name"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return names;
    }
}
