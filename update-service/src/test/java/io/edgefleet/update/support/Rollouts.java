package io.edgefleet.update.support;

import static io.restassured.RestAssured.given;

import io.edgefleet.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;

/** The rollout API as an operator of one organization calls it. */
public final class Rollouts {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final String org;

    public Rollouts(String org) {
        this.org = org;
    }

    /** Creates and starts a rollout; returns its id. */
    public String start(Map<String, Object> spec) {
        String id = create(spec);
        action(id, "start", 200);
        return id;
    }

    public String create(Map<String, Object> spec) {
        return given().auth().oauth2(operator()).contentType(ContentType.JSON).body(spec).when().post("/api/v1/rollouts")
                .then().statusCode(201).extract().path("id");
    }

    public JsonPath action(String id, String action, int expectedStatus) {
        return given().auth().oauth2(operator()).when().post("/api/v1/rollouts/{id}/" + action, id).then()
                .statusCode(expectedStatus).extract().jsonPath();
    }

    public JsonPath get(String id) {
        return given().auth().oauth2(TestTokens.forRole("fleet-viewer", org)).when().get("/api/v1/rollouts/{id}", id).then()
                .statusCode(200).extract().jsonPath();
    }

    public JsonPath progress(String id) {
        return given().auth().oauth2(TestTokens.forRole("fleet-viewer", org)).when().get("/api/v1/rollouts/{id}/progress", id)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The rollout's units in one state (at most 500). */
    public JsonPath units(String id, String state) {
        return given().auth().oauth2(TestTokens.forRole("fleet-viewer", org)).queryParam("state", state).queryParam("limit", 500)
                .when().get("/api/v1/rollouts/{id}/units", id).then().statusCode(200).extract().jsonPath();
    }

    /** Waits for the rollout to reach {@code phase}; returns its progress then. */
    public JsonPath awaitPhase(String id, String phase) {
        Awaitility.await().atMost(WAIT).until(() -> phase.equals(get(id).getString("status.phase")));
        return progress(id);
    }

    public String operator() {
        return TestTokens.forRole("fleet-operator", org);
    }
}
