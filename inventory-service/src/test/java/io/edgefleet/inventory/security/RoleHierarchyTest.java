package io.edgefleet.inventory.security;

import static org.hamcrest.Matchers.equalTo;

import io.edgefleet.testsupport.TenantApi;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Endpoints name the least role they need; admin ⊃ operator ⊃ viewer lets every higher role in. */
@QuarkusTest
class RoleHierarchyTest {

    private final TenantApi api = new TenantApi();

    @Test
    void eachRoleHasWhatTheRolesBelowItHave() {
        for (String reader : new String[] {"fleet-viewer", "fleet-operator", "fleet-admin"}) {
            api.as(reader).when().get("/api/v1/devices").then().statusCode(200);
        }
        api.viewer().body(Map.of("name", "edge-viewer")).when().post("/api/v1/devices")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        api.operator().body(Map.of("name", "edge-operator")).when().post("/api/v1/devices").then().statusCode(201);
        api.as("fleet-admin").body(Map.of("name", "edge-admin")).when().post("/api/v1/devices").then().statusCode(201);
    }

    @Test
    void administrationIsForAdminsOnly() {
        api.operator().when().get("/api/v1/admin/dead-letters").then().statusCode(403);
        api.as("fleet-admin").when().get("/api/v1/admin/dead-letters").then().statusCode(200);
    }

    @Test
    void aTokenWithoutAFleetRoleGetsNothing() {
        api.as("some-other-group").when().get("/api/v1/devices").then().statusCode(403);
    }
}
