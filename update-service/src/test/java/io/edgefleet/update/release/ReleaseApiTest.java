package io.edgefleet.update.release;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgefleet.testsupport.TestTokens;
import io.edgefleet.update.support.Fleet;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The catalog over REST: the shipped releases for everyone, an organization's own, and what a device may take next. */
@QuarkusTest
class ReleaseApiTest {

    @Test
    void theShippedCatalogIsListedAndReadOnly() {
        String org = "org-" + UUID.randomUUID();
        JsonPath k3s = given().auth().oauth2(TestTokens.forRole("fleet-viewer", org)).queryParam("kind", "k3s").queryParam("limit", 100)
                .when().get("/api/v1/releases").then().statusCode(200).extract().jsonPath();
        assertTrue(k3s.getList("items.spec.version").containsAll(List.of("v1.30.8+k3s1", "v1.31.4+k3s1", "v1.32.1+k3s1")));
        assertTrue(k3s.getList("items.spec.kind").stream().allMatch("k3s"::equals));
        String shipped = ReleaseCatalog.shippedId(ReleaseKind.K3S, "v1.31.4+k3s1").toString();
        given().auth().oauth2(TestTokens.forRole("fleet-admin", org)).when().delete("/api/v1/releases/{id}", shipped).then()
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("RELEASE_READ_ONLY"));
        given().auth().oauth2(TestTokens.forRole("fleet-viewer", org)).queryParam("kind", "helm").when().get("/api/v1/releases")
                .then().statusCode(400);
    }

    @Test
    void anOrganizationAddsItsOwnReleaseOthersDoNotSeeIt() {
        String org = "org-" + UUID.randomUUID();
        Map<String, Object> spec = release("v1.32.3+k3s1");
        String id = given().auth().oauth2(TestTokens.forRole("fleet-admin", org)).contentType(ContentType.JSON).body(spec)
                .when().post("/api/v1/releases").then().statusCode(201).body("shipped", equalTo(false)).extract().path("id");
        given().auth().oauth2(TestTokens.forRole("fleet-admin", org)).contentType(ContentType.JSON).body(spec)
                .when().post("/api/v1/releases").then().statusCode(409).body("code", equalTo("RELEASE_EXISTS"));
        given().auth().oauth2(TestTokens.forRole("fleet-viewer", "org-" + UUID.randomUUID())).when().get("/api/v1/releases/{id}", id)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.forRole("fleet-operator", org)).contentType(ContentType.JSON).body(spec)
                .when().post("/api/v1/releases").then().statusCode(403);
        given().auth().oauth2(TestTokens.forRole("fleet-admin", org)).when().delete("/api/v1/releases/{id}", id).then().statusCode(204);
    }

    @Test
    void aMalformedReleaseIsRefusedNamingItsField() {
        String org = "org-" + UUID.randomUUID();
        Map<String, Map<String, Object>> cases = Map.of(
                "spec.version", with("version", "1.32"),
                "spec.kind", with("kind", "helm"),
                "spec.channel", with("channel", "nightly"),
                "spec.artifacts.sha256", with("artifacts", List.of(Map.of("url", "https://get.k3s.io/k3s", "sha256", "abc"))),
                "spec.artifacts.url", with("artifacts", List.of(Map.of("url", "file:///etc/passwd", "sha256", "0".repeat(64)))),
                "spec.endOfSupport", with("endOfSupport", "2020-01-01"));
        cases.forEach((field, body) -> given().auth().oauth2(TestTokens.forRole("fleet-admin", org)).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/releases").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem(field)));
        Map<String, Object> agent = new HashMap<>(release("0.4.0"));
        agent.put("kind", "agent");
        given().auth().oauth2(TestTokens.forRole("fleet-admin", org)).contentType(ContentType.JSON).body(agent)
                .when().post("/api/v1/releases").then().statusCode(422).body("errors.field", hasItem("spec.artifacts"));
    }

    @Test
    void aDeviceIsToldWhatItMayTakeNextAndWhyNotTheRest() {
        Fleet fleet = new Fleet("org-" + UUID.randomUUID());
        Fleet.Machine device = fleet.k3s("v1.30.4+k3s1", Map.of());
        fleet.awaitProjected(List.of(device));
        JsonPath answer = given().auth().oauth2(TestTokens.forRole("fleet-viewer", fleet.org())).when()
                .get("/api/v1/devices/{id}/available-updates", device.device()).then().statusCode(200).extract().jsonPath();
        assertEquals("v1.30.4+k3s1", answer.getString("current.kubernetes"));
        assertEquals("k3s", answer.getString("current.distribution"));
        Map<String, Object> next = option(answer, "k3s", "v1.31.4+k3s1");
        assertEquals(true, next.get("next"));
        Map<String, Object> far = option(answer, "k3s", "v1.32.1+k3s1");
        assertEquals(false, far.get("next"));
        assertEquals(List.of("v1.31.4+k3s1", "v1.32.1+k3s1"), far.get("path"));
        Map<String, Object> other = option(answer, "kubernetes", "v1.31.4");
        assertTrue(((String) other.get("refusal")).startsWith("never between k8s and k3s"));
        assertFalse(answer.getList("updates.version").contains("v1.30.4+k3s1"), "nothing it already runs");
        given().auth().oauth2(TestTokens.forRole("fleet-viewer", fleet.org())).when()
                .get("/api/v1/devices/{id}/available-updates", UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("DEVICE_NOT_FOUND"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> option(JsonPath answer, String kind, String version) {
        return ((List<Map<String, Object>>) (List<?>) answer.getList("updates")).stream()
                .filter(o -> kind.equals(o.get("kind")) && version.equals(o.get("version"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = new HashMap<>(release("v1.32.4+k3s1"));
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> release(String version) {
        return Map.of("kind", "k3s", "version", version, "channel", "stable", "releasedOn", "2025-03-01",
                "artifacts", List.of(Map.of("url", "https://github.com/k3s-io/k3s/releases/download/k3s", "sha256", "a".repeat(64))));
    }
}
