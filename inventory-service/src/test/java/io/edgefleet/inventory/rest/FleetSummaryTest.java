package io.edgefleet.inventory.rest;

import static org.hamcrest.Matchers.equalTo;

import io.edgefleet.inventory.InventoryApi;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FleetSummaryTest {

    @Test
    void countsByConnectivityLifecycleDistributionAndVersion() {
        InventoryApi api = new InventoryApi();
        String a = api.device("sum-a", Map.of());
        String b = api.device("sum-b", Map.of());
        api.device("sum-c", Map.of());
        String cluster = api.cluster("sum-k8s", "k8s", "v1.30.4");
        api.operator().when().put("/api/v1/clusters/" + cluster + "/machines/" + a).then().statusCode(200);
        api.operator().when().post("/api/v1/devices/" + b + "/decommission").then().statusCode(200);

        api.as("fleet-viewer").when().get("/api/v1/fleet/summary").then().statusCode(200)
                .body("devices", equalTo(3))
                .body("byConnectivity.'never-connected'", equalTo(3))
                .body("byLifecycle.registered", equalTo(2)).body("byLifecycle.decommissioned", equalTo(1))
                .body("byDistribution.k8s", equalTo(1)).body("byDistribution.unknown", equalTo(2))
                .body("byKubernetesVersion.'v1.30.4'", equalTo(1));
    }
}
