package io.edgefleet.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every bad request gets a clear problem+json answer and changes nothing. */
@QuarkusTest
class ApiErrorsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void malformedJsonIsA400Problem() {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body("{\"name\": \"x\",")
                .when().post("/api/v1/devices")
                .then().statusCode(400).contentType(PROBLEM).body("code", equalTo("MALFORMED_REQUEST"))
                .body("status", equalTo(400)).body("instance", equalTo("/api/v1/devices"));
    }

    /** Hardening item 5: DELETE .../machines/%2e%2e deleted the whole cluster. */
    @Test
    void encodedDotSegmentsAreRefusedAndChangeNothing() {
        io.edgefleet.inventory.InventoryApi api = new io.edgefleet.inventory.InventoryApi();
        String cluster = api.cluster("dots-" + UUID.randomUUID().toString().substring(0, 8), "k3s", "v1.30.4+k3s1");
        String group = api.operator().body(java.util.Map.of("name", "dots-" + UUID.randomUUID().toString().substring(0, 8), "kind", "static"))
                .when().post("/api/v1/groups").then().statusCode(201).extract().path("id");
        for (String segment : java.util.List.of("%2e%2e", "%2E%2E", "..%2f..", "%252e%252e", "%c0%ae%c0%ae", "x;y=1", "%00")) {
            api.operator().urlEncodingEnabled(false).when().delete("/api/v1/clusters/" + cluster + "/machines/" + segment)
                    .then().statusCode(400).contentType(PROBLEM).body("code", equalTo("INVALID_PATH"));
            api.operator().urlEncodingEnabled(false).when().delete("/api/v1/groups/" + group + "/members/" + segment)
                    .then().statusCode(400).contentType(PROBLEM).body("code", equalTo("INVALID_PATH"));
        }
        api.as("fleet-viewer").when().get("/api/v1/clusters/" + cluster).then().statusCode(200);
        api.as("fleet-viewer").when().get("/api/v1/groups/" + group).then().statusCode(200);
    }

    /** Hardening item 8: a 414 is a problem like every other refusal. */
    @Test
    void aTooLongUriIsA414Problem() {
        given().auth().oauth2(TestTokens.viewer()).queryParam("q", "x".repeat(10_000)).when().get("/api/v1/devices")
                .then().statusCode(414).contentType(PROBLEM).body("code", equalTo("URI_TOO_LONG"));
    }

    /** Hardening item 6: a 100 KB group name was a 500. */
    @Test
    void hugeNamesAreA400() {
        io.edgefleet.inventory.InventoryApi api = new io.edgefleet.inventory.InventoryApi();
        api.operator().body(java.util.Map.of("name", "a".repeat(100_000), "kind", "static")).when().post("/api/v1/groups")
                .then().statusCode(400).contentType(PROBLEM).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem(containsString("name")));
        api.operator().body(java.util.Map.of("name", "a".repeat(100_000))).when().post("/api/v1/devices")
                .then().statusCode(400).contentType(PROBLEM);
        api.as("fleet-viewer").when().get("/api/v1/groups").then().statusCode(200).body("items.size()", equalTo(0));
    }

    /** Hardening item 8: bad filter values are a 400, never a silent "matches nothing". */
    @Test
    void badFilterValuesAreA400() {
        io.edgefleet.inventory.InventoryApi api = new io.edgefleet.inventory.InventoryApi();
        api.viewer().queryParam("distribution", "bogus").when().get("/api/v1/clusters").then().statusCode(400)
                .contentType(PROBLEM).body("code", equalTo("VALIDATION_FAILED"));
        api.viewer().queryParam("labelSelector", "env in ()").when().get("/api/v1/devices").then().statusCode(400)
                .contentType(PROBLEM).body("code", equalTo("INVALID_LABEL_SELECTOR"));
        api.viewer().queryParam("distribution", "bogus").when().get("/api/v1/devices").then().statusCode(400);
        api.viewer().queryParam("limit", "many").when().get("/api/v1/devices").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.not(containsString("java.")));
    }

    @Test
    void missingTokenIsA401Problem() {
        given().when().get("/api/v1/devices")
                .then().statusCode(401).contentType(PROBLEM).body("code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2("not-a-jwt").when().get("/api/v1/devices")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void viewerCannotWrite() {
        String name = "viewer-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}")
                .when().post("/api/v1/devices")
                .then().statusCode(403).contentType(PROBLEM).body("code", equalTo("FORBIDDEN"));
        assertNotRegistered(name);
    }

    @Test
    void tokenWithoutOrganizationIsRefused() {
        given().auth().oauth2(TestTokens.withoutOrg("fleet-admin")).when().get("/api/v1/devices")
                .then().statusCode(403).contentType(PROBLEM).body("code", equalTo("NO_ORGANIZATION"));
    }

    @Test
    void unknownRouteIsA404Problem() {
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType(PROBLEM).body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/devices/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM).body("code", equalTo("DEVICE_NOT_FOUND"));
    }

    @Test
    void invalidFieldsNameTheField() {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body("{\"name\":\"Not A DNS Name\"}")
                .when().post("/api/v1/devices")
                .then().statusCode(400).contentType(PROBLEM).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("name"));

        String name = "badlabel-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"labels\":{\"-bad\":\"x\"}}")
                .when().post("/api/v1/devices")
                .then().statusCode(422).contentType(PROBLEM).body("code", equalTo("UNPROCESSABLE"))
                .body("errors.field", hasItem("labels.-bad"));
        assertNotRegistered(name);
    }

    @Test
    void badListParametersAre400s() {
        given().auth().oauth2(TestTokens.viewer()).queryParam("labelSelector", "env in (a").when().get("/api/v1/devices")
                .then().statusCode(400).contentType(PROBLEM).body("code", equalTo("INVALID_LABEL_SELECTOR"))
                .body("detail", containsString("parentheses"));
        given().auth().oauth2(TestTokens.viewer()).queryParam("cursor", "garbage").when().get("/api/v1/devices")
                .then().statusCode(400).contentType(PROBLEM).body("code", equalTo("INVALID_CURSOR"));
        given().auth().oauth2(TestTokens.viewer()).queryParam("limit", "100000").when().get("/api/v1/devices")
                .then().statusCode(400).contentType(PROBLEM).body("code", equalTo("INVALID_LIMIT"));
    }

    private static void assertNotRegistered(String name) {
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/devices?limit=500")
                .then().statusCode(200).body("items.name", org.hamcrest.Matchers.not(hasItem(name)));
    }
}
