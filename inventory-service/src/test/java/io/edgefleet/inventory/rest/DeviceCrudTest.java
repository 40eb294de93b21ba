package io.edgefleet.inventory.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.edgefleet.inventory.InventoryApi;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeviceCrudTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void registersAFullyDescribedDevice() {
        InventoryApi api = new InventoryApi();
        api.register(Map.of("name", "edge-full-01", "externalId", "CMDB-1", "labels", Map.of("site", "berlin"),
                        "hostOs", "Windows 11 IoT Enterprise", "hardware", Map.of("cpuCores", 8, "memoryMb", 32768, "storageGb", 512),
                        "linuxNode", InventoryApi.allocation(4, 8192), "windowsNode", InventoryApi.allocation(2, 4096),
                        "network", Map.of("staticIp", "192.168.1.10", "gateway", "192.168.1.1", "dns", List.of("192.168.1.1"),
                                "vlanId", 42, "serviceIpRange", "10.96.0.0/24")))
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("name", equalTo("edge-full-01")).body("lifecycle", equalTo("registered"))
                .body("connectivity", equalTo("never-connected")).body("linuxNode.vcpus", equalTo(4))
                .body("network.vlanId", equalTo(42)).body("externalId", equalTo("CMDB-1"));
    }

    @Test
    void patchUsesOptimisticConcurrency() {
        InventoryApi api = new InventoryApi();
        String id = api.device("edge-patch-01", Map.of("a", "1", "b", "2"));
        Map<String, Object> labels = new HashMap<>();
        labels.put("a", null);
        labels.put("c", "3");

        api.operator().header("If-Match", "\"0\"").body(Map.of("labels", labels, "hostOs", "Windows Server 2022"))
                .when().patch("/api/v1/devices/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("labels", not(hasKey("a")))
                .body("labels.c", equalTo("3")).body("labels.b", equalTo("2")).body("hostOs", equalTo("Windows Server 2022"));

        api.operator().header("If-Match", "\"0\"").body(Map.of("hostOs", "stale"))
                .when().patch("/api/v1/devices/" + id).then().statusCode(412).contentType(PROBLEM)
                .body("code", equalTo("PRECONDITION_FAILED"));
        api.operator().body(Map.of("hostOs", "stale", "resourceVersion", "0"))
                .when().patch("/api/v1/devices/" + id).then().statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("RESOURCE_VERSION_CONFLICT"));
        api.as("fleet-viewer").when().get("/api/v1/devices/" + id).then().body("hostOs", equalTo("Windows Server 2022"));
    }

    /** Maintenance windows may follow a device's own zone: an operator sets it by its IANA name, nothing else. */
    @Test
    void anOperatorSetsTheTimeZoneByItsIanaName() {
        InventoryApi api = new InventoryApi();
        String id = api.device("edge-zone-01", Map.of());
        api.operator().body(Map.of("timeZone", "Europe/Berlin")).when().patch("/api/v1/devices/" + id)
                .then().statusCode(200).body("timeZone", equalTo("Europe/Berlin"));
        for (String zone : List.of("CET+1", "+01:00", "Mars/Olympus", "")) {
            api.operator().body(Map.of("timeZone", zone)).when().patch("/api/v1/devices/" + id).then().statusCode(422)
                    .contentType(PROBLEM).body("errors[0].field", equalTo("timeZone"));
        }
        api.operator().body(Map.of("hostOs", "Windows 11 IoT Enterprise")).when().patch("/api/v1/devices/" + id)
                .then().statusCode(200).body("timeZone", equalTo("Europe/Berlin"));
        api.register(Map.of("name", "edge-zone-02", "timeZone", "Asia/Tokyo")).then().statusCode(201)
                .body("timeZone", equalTo("Asia/Tokyo"));
    }

    @Test
    void decommissionedDevicesChangeNoMoreAndCanThenBeDeleted() {
        InventoryApi api = new InventoryApi();
        String id = api.device("edge-retire-01", Map.of());
        api.operator().when().delete("/api/v1/devices/" + id).then().statusCode(403);
        api.as("fleet-admin").when().delete("/api/v1/devices/" + id).then().statusCode(409)
                .body("code", equalTo("DEVICE_NOT_DECOMMISSIONED"));
        api.operator().when().post("/api/v1/devices/" + id + "/decommission").then().statusCode(200)
                .body("lifecycle", equalTo("decommissioned"));
        api.operator().body(Map.of("hostOs", "x")).when().patch("/api/v1/devices/" + id).then().statusCode(409)
                .body("code", equalTo("DEVICE_DECOMMISSIONED"));
        api.as("fleet-admin").when().delete("/api/v1/devices/" + id).then().statusCode(204);
        api.operator().when().get("/api/v1/devices/" + id).then().statusCode(404);
    }

    @Test
    void historyTellsWhoChangedWhat() {
        InventoryApi api = new InventoryApi();
        String id = api.device("edge-history-01", Map.of("tier", "a"));
        api.operator().body(Map.of("labels", Map.of("tier", "b"))).when().patch("/api/v1/devices/" + id).then().statusCode(200);
        api.operator().when().post("/api/v1/devices/" + id + "/decommission").then().statusCode(200);

        api.as("fleet-viewer").when().get("/api/v1/devices/" + id + "/history").then().statusCode(200)
                .body("items.size()", equalTo(3))
                .body("items[0].changes.created.to", equalTo("edge-history-01"))
                .body("items[1].changes.labels.from.tier", equalTo("a"))
                .body("items[1].changes.labels.to.tier", equalTo("b"))
                .body("items[1].actor", equalTo("test-fleet-operator"))
                .body("items[2].changes.lifecycle.to", equalTo("decommissioned"));
    }

    @Test
    void bulkLabelsChangeEveryListedDeviceOrNone() {
        InventoryApi api = new InventoryApi();
        String a = api.device("edge-bulk-a", Map.of());
        String b = api.device("edge-bulk-b", Map.of());
        api.operator().body(Map.of("deviceIds", List.of(a, b), "labels", Map.of("ring", "canary")))
                .when().post("/api/v1/devices/bulk-labels").then().statusCode(200)
                .body("items.labels.ring", hasItems("canary", "canary")).body("items.size()", equalTo(2))
                .body("nextCursor", nullValue());
        api.operator().body(Map.of("deviceIds", List.of(a, java.util.UUID.randomUUID().toString()), "labels", Map.of("ring", "late")))
                .when().post("/api/v1/devices/bulk-labels").then().statusCode(404);
        api.as("fleet-viewer").when().get("/api/v1/devices/" + a).then().body("labels.ring", equalTo("canary"))
                .body("clusterId", nullValue());
    }
}
