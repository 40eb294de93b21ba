package io.edgefleet.inventory;

import io.edgefleet.testsupport.TenantApi;
import io.restassured.response.Response;
import java.util.Map;

/** Inventory's REST helpers, acting in an organization of the test's own. */
public final class InventoryApi extends TenantApi {

    public Response register(Map<String, Object> body) {
        return operator().body(body).when().post("/api/v1/devices");
    }

    public String device(String name, Map<String, String> labels) {
        return register(Map.of("name", name, "labels", labels)).then().statusCode(201).extract().path("id");
    }

    public String cluster(String name, String distribution, String version) {
        return operator().body(Map.of("name", name, "distribution", distribution, "kubernetesVersion", version))
                .when().post("/api/v1/clusters").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> allocation(int vcpus, long memoryMb) {
        return Map.of("vcpus", vcpus, "memoryMb", memoryMb, "storageGb", 64);
    }
}
