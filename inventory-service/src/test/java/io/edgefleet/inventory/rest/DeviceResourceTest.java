package io.edgefleet.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeviceResourceTest {

    @Test
    void registersAndReadsADevice() {
        String name = "edge-" + UUID.randomUUID().toString().substring(0, 8);
        String id = given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"labels\":{\"env\":\"prod\"}}")
                .when().post("/api/v1/devices")
                .then().statusCode(201).header("Location", notNullValue())
                .body("name", equalTo(name)).body("labels.env", equalTo("prod"))
                .extract().path("id");

        given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/devices/" + id)
                .then().statusCode(200).body("name", equalTo(name));
    }

    @Test
    void listsPageByPageWithLabelSelector() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            register("sel-" + run + "-" + i, "{\"run\":\"" + run + "\",\"tier\":\"" + (i % 2 == 0 ? "a" : "b") + "\"}");
        }
        String selector = "run=" + run + ",tier in (a),!canary";
        String cursor = given().auth().oauth2(TestTokens.viewer()).queryParam("labelSelector", selector)
                .queryParam("limit", 2).when().get("/api/v1/devices")
                .then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        given().auth().oauth2(TestTokens.viewer()).queryParam("labelSelector", selector)
                .queryParam("limit", 2).queryParam("cursor", cursor).when().get("/api/v1/devices")
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue());
    }

    @Test
    void anotherOrganizationSeesNothingOfOurs() {
        String id = register("org-check-" + UUID.randomUUID().toString().substring(0, 8), "{}");
        String other = TestTokens.forRole("fleet-admin", "other-org");
        given().auth().oauth2(other).when().get("/api/v1/devices/" + id)
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("DEVICE_NOT_FOUND"));
        List<String> ids = given().auth().oauth2(other).when().get("/api/v1/devices").then().statusCode(200)
                .extract().path("items.id");
        org.junit.jupiter.api.Assertions.assertFalse(ids.contains(id));
    }

    @Test
    void duplicateNameIsAConflict() {
        String name = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        register(name, "{}");
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\"}").when().post("/api/v1/devices")
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("DEVICE_NAME_TAKEN"));
    }

    static String register(String name, String labelsJson) {
        return given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"labels\":" + labelsJson + "}")
                .when().post("/api/v1/devices").then().statusCode(201).extract().path("id");
    }
}
