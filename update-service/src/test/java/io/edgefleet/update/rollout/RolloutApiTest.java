package io.edgefleet.update.rollout;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgefleet.testsupport.TestTokens;
import io.edgefleet.update.support.Fleet;
import io.edgefleet.update.support.Rollouts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rollouts as resources: what a spec must say (each refusal a 422 naming the field), and which action fits which phase. */
@QuarkusTest
class RolloutApiTest {

    @Test
    void aMalformedSpecIsRefusedNamingItsFieldAndStoresNothing() {
        String org = "org-" + UUID.randomUUID();
        List<Map.Entry<String, Map<String, Object>>> cases = new java.util.ArrayList<>();
        cases.add(Map.entry("spec.name", with("name", "Not A Name")));
        cases.add(Map.entry("spec.target", with("target", Map.of())));
        cases.add(Map.entry("spec.target.labelSelector", with("target", Map.of("labelSelector", "site in ("))));
        cases.add(Map.entry("spec.target.group", with("target", Map.of("group", UUID.randomUUID().toString()))));
        cases.add(Map.entry("spec.release", with("release", UUID.randomUUID().toString())));
        cases.add(Map.entry("spec.waves[1]", with("waves", List.of(Map.of("count", 1), Map.of("count", 2, "percentage", 5)))));
        cases.add(Map.entry("spec.waves[0].percentage", with("waves", List.of(Map.of("percentage", 101)))));
        cases.add(Map.entry("spec.strategy.failureThreshold", with("strategy", Map.of("failureThreshold", -1))));
        cases.add(Map.entry("spec.devices.attempts", with("devices", Map.of("attempts", 0))));
        cases.add(Map.entry("spec.window.schedule", with("window", Map.of("schedule", "at night", "durationMinutes", 60))));
        cases.add(Map.entry("spec.window.timeZone", with("window", Map.of("schedule", "0 2 * * *", "durationMinutes", 60,
                "timeZone", "CET+1"))));
        Map<String, Object> both = new HashMap<>(RolloutWavesTest.spec("both", null));
        both.put("command", Map.of("type", "restart-agent", "payload", Map.of()));
        cases.add(Map.entry("spec.release", both));
        Map<String, Object> badCommand = new HashMap<>(Map.of("name", "bad-command", "target", Map.of("labelSelector", "a=b"),
                "command", Map.of("type", "apply-manifests", "payload", Map.of("manifests", 42))));
        cases.add(Map.entry("spec.command.payload.manifests", badCommand));
        cases.forEach(c -> given().auth().oauth2(TestTokens.forRole("fleet-operator", org)).contentType(ContentType.JSON)
                .body(c.getValue()).when().post("/api/v1/rollouts").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem(c.getKey())));
        assertEquals(0, given().auth().oauth2(TestTokens.forRole("fleet-viewer", org)).when().get("/api/v1/rollouts").then()
                .statusCode(200).extract().jsonPath().getList("items").size());
    }

    @Test
    void aDraftIsChangedWithIfMatchAndEachActionFitsItsPhase() {
        String org = "org-" + UUID.randomUUID();
        // One device in scope, whose command is never answered: started, the rollout stays running
        // (an empty one completes at once, before it could be cancelled).
        Fleet fleet = new Fleet(org);
        fleet.awaitProjected(List.of(fleet.k3s("v1.30.4+k3s1", Map.of("site", "berlin"))));
        Rollouts rollouts = new Rollouts(org);
        String id = rollouts.create(RolloutWavesTest.spec("draft-one", null));
        String etag = given().auth().oauth2(rollouts.operator()).when().get("/api/v1/rollouts/{id}", id).then().statusCode(200)
                .extract().header("ETag");
        Map<String, Object> changed = RolloutWavesTest.spec("draft-one", List.of(Map.of("count", 1), Map.of("percentage", 100)));
        given().auth().oauth2(rollouts.operator()).contentType(ContentType.JSON).header("If-Match", "\"999\"").body(changed)
                .when().put("/api/v1/rollouts/{id}", id).then().statusCode(412);
        given().auth().oauth2(rollouts.operator()).contentType(ContentType.JSON).header("If-Match", etag).body(changed)
                .when().put("/api/v1/rollouts/{id}", id).then().statusCode(200).body("status.waveCount", equalTo(2));
        given().auth().oauth2(rollouts.operator()).contentType(ContentType.JSON).body(RolloutWavesTest.spec("draft-one", null))
                .when().post("/api/v1/rollouts").then().statusCode(409).body("code", equalTo("ROLLOUT_NAME_TAKEN"));
        for (String action : List.of("pause", "resume", "approve", "rollback")) {
            rollouts.action(id, action, 409);
        }
        rollouts.action(id, "start", 200);
        rollouts.action(id, "start", 409);
        given().auth().oauth2(rollouts.operator()).contentType(ContentType.JSON).body(changed).when().put("/api/v1/rollouts/{id}", id)
                .then().statusCode(409).body("code", equalTo("ROLLOUT_PHASE_CONFLICT"));
        given().auth().oauth2(rollouts.operator()).when().delete("/api/v1/rollouts/{id}", id).then().statusCode(409);
        rollouts.action(id, "cancel", 200);
        given().auth().oauth2(rollouts.operator()).when().delete("/api/v1/rollouts/{id}", id).then().statusCode(204);
        given().auth().oauth2(TestTokens.forRole("fleet-viewer", org)).when().get("/api/v1/rollouts/{id}", id).then().statusCode(404);
        given().auth().oauth2(TestTokens.forRole("fleet-viewer", org)).contentType(ContentType.JSON).body(changed)
                .when().post("/api/v1/rollouts").then().statusCode(403);
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = new HashMap<>(RolloutWavesTest.spec("valid-name", null));
        body.put(field, value);
        return body;
    }
}
