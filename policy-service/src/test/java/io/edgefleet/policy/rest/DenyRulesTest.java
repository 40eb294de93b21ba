package io.edgefleet.policy.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.events.EventType;
import io.edgefleet.testsupport.EventAssertions;
import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * An enforced deny assignment is published on fleet.policy.rules and judged from that copy (the
 * same library provisioning uses): a privileged manifest is denied naming the policy and the
 * container, an allowed one passes, and the assignment's end opens the door again.
 */
@QuarkusTest
class DenyRulesTest {

    static final String PRIVILEGED = """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec: {template: {spec: {containers: [{name: agent, image: 'mcr.microsoft.com/agent:1', securityContext: {privileged: true}}]}}}
            """;
    static final String PLAIN = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            data: {mode: edge}
            """;

    @Test
    void aDenyAssignmentRefusesWhatItForbidsUntilItEnds() {
        String org = "org-" + UUID.randomUUID();
        Map<String, Object> spec = new java.util.LinkedHashMap<>(Map.of("name", "no-privileged", "policy", "edge.no-privileged-containers",
                "effect", "deny"));
        String id = given().auth().oauth2(TestTokens.forRole("fleet-operator", org)).contentType(ContentType.JSON).body(spec)
                .when().post("/api/v1/policy-assignments").then().statusCode(201).extract().path("id");
        JsonNode rule = EventAssertions.awaitEvent(EventType.DENY_RULE, id, org);
        Assertions.assertEquals("edge.no-privileged-containers", rule.get("policyName").asText());

        UUID device = UUID.randomUUID();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !allowed(org, device, PRIVILEGED));
        review(org, device, PRIVILEGED).body("policyName", equalTo("edge.no-privileged-containers"))
                .body("assignmentName", equalTo("no-privileged"))
                .body("reasons[0].field", equalTo("request.command.containers"))
                .body("reasons[0].value", equalTo("DaemonSet/agent agent"))
                .body("reasons[0].message", containsString("privileged"));
        Assertions.assertTrue(allowed(org, device, PLAIN), "an allowed manifest passes");
        Assertions.assertTrue(allowed("other-" + org, device, PRIVILEGED), "another organization's rules do not apply");

        given().auth().oauth2(TestTokens.forRole("fleet-operator", org)).when().delete("/api/v1/policy-assignments/" + id)
                .then().statusCode(204);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> allowed(org, device, PRIVILEGED));
    }

    @Test
    void aReviewIsOneChangeAndBounded() {
        given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON).body(Map.of("deviceId", UUID.randomUUID().toString()))
                .when().post("/api/v1/admission-reviews").then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON).body(Map.of("deviceId", UUID.randomUUID().toString(),
                "command", Map.of("type", "apply-manifests", "payload", Map.of("manifests", "kind: [unclosed"))))
                .when().post("/api/v1/admission-reviews").then().statusCode(422).contentType("application/problem+json");
    }

    private static boolean allowed(String org, UUID device, String manifests) {
        return review(org, device, manifests).extract().path("allowed");
    }

    private static io.restassured.response.ValidatableResponse review(String org, UUID device, String manifests) {
        return given().auth().oauth2(TestTokens.forRole("fleet-viewer", org)).contentType(ContentType.JSON)
                .body(Map.of("deviceId", device.toString(), "command", Map.of("type", "apply-manifests",
                        "payload", Map.of("manifests", manifests))))
                .when().post("/api/v1/admission-reviews").then().statusCode(200);
    }
}
