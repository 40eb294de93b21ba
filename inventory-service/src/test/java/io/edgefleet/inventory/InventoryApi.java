package io.edgefleet.inventory;

import static io.restassured.RestAssured.given;

import io.edgefleet.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** REST helpers acting in one organization of its own, so tests see only their own data. */
public final class InventoryApi {

    private final String org = "org-" + UUID.randomUUID().toString().substring(0, 8);

    public String org() {
        return org;
    }

    public RequestSpecification as(String role) {
        return given().auth().oauth2(TestTokens.forRole(role, org)).contentType(ContentType.JSON);
    }

    public RequestSpecification operator() {
        return as("fleet-operator");
    }

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
