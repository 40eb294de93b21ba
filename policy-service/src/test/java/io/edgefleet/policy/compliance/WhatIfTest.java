package io.edgefleet.policy.compliance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgefleet.projection.InventoryRecords;
import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A dry-run assignment computes what enforcing it would find, records nothing per device, and
 * its numbers match what enforcement then produces; assignments refuse what does not fit the policy.
 */
@QuarkusTest
class WhatIfTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aDryRunsWhatIfMatchesWhatEnforcementProduces() {
        String org = "org-" + UUID.randomUUID();
        String site = "site-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> devices = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        long[] memory = {2048, 6144, 16384};
        for (int i = 0; i < devices.size(); i++) {
            InventoryRecords.stateWith(org, devices.get(i), "edge-" + i, Map.of("site", site), 1,
                    ComplianceFlowTest.machine(memory[i]));
        }
        String outsider = UUID.randomUUID().toString();
        InventoryRecords.stateWith(org, outsider, "elsewhere", 1, ComplianceFlowTest.machine(1024));
        ComplianceFlowTest.awaitRecord(org, outsider, "edge-rules/edge.linux-node-memory", "non-compliant");

        Map<String, Object> spec = assignment("memory-8g", "edge.linux-node-memory", Map.of("minMemoryMb", 8192), "dry-run");
        spec.put("scope", Map.of("labelSelector", "site=" + site));
        String id = given().auth().oauth2(TestTokens.forRole("fleet-operator", org)).contentType(ContentType.JSON).body(spec)
                .when().post("/api/v1/policy-assignments").then().statusCode(201)
                .body("status.evaluationPending", equalTo(true)).extract().path("id");
        JsonPath whatIf = awaitStatus(org, id, "status.whatIf");
        assertEquals(3, whatIf.getInt("status.whatIf.devices"));
        assertEquals(2, whatIf.getInt("status.whatIf.nonCompliant"));
        assertEquals(1, whatIf.getInt("status.whatIf.compliant"));
        assertEquals(Map.of(), whatIf.getMap("status.compliance"), "a dry-run records no compliance");

        spec.put("enforcement", "enforced");
        given().auth().oauth2(TestTokens.forRole("fleet-operator", org)).contentType(ContentType.JSON).body(spec)
                .header("If-Match", "\"" + whatIf.getString("resourceVersion") + "\"")
                .when().put("/api/v1/policy-assignments/" + id).then().statusCode(200);
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonPath status = get(org, id);
            return !status.getBoolean("status.evaluationPending")
                    && Integer.valueOf(2).equals(status.get("status.compliance.non-compliant"));
        });
        assertEquals(Integer.valueOf(1), get(org, id).get("status.compliance.compliant"));
        rollUpsPerGroupAndPolicy(org, devices);
    }

    /** The roll-up of a group counts its devices by their worst state; of a policy, only its assignments' records. */
    private static void rollUpsPerGroupAndPolicy(String org, List<String> devices) {
        String group = "group-" + UUID.randomUUID().toString().substring(0, 8);
        InventoryRecords.staticGroup(org, UUID.randomUUID().toString(), group, devices.subList(0, 2));
        Awaitility.await().atMost(WAIT).ignoreExceptions().until(() -> Integer.valueOf(2).equals(
                given().auth().oauth2(TestTokens.forRole("fleet-viewer", org)).queryParam("group", group)
                        .when().get("/api/v1/compliance/summary").then().statusCode(200).extract().path("devices.non-compliant")));
        JsonPath staticIp = given().auth().oauth2(TestTokens.forRole("fleet-viewer", org))
                .queryParam("policy", io.edgefleet.policy.definition.BuiltInLibrary.idOf("edge.static-ip-configured").toString())
                .when().get("/api/v1/compliance/summary").then().statusCode(200).extract().jsonPath();
        assertEquals(4, staticIp.getInt("devices.compliant"), "every device keeps the static-IP rule");
        assertEquals(0, staticIp.getInt("devices.non-compliant"));
        assertEquals(100.0, staticIp.getDouble("compliantPercent"));
    }

    @Test
    void anAssignmentRefusesWhatDoesNotFitItsPolicy() {
        String org = "org-" + UUID.randomUUID();
        post(org, assignment("admission-audit", "edge.no-privileged-containers", Map.of(), null), 422, "ASSIGNMENT_EFFECT_INVALID");
        post(org, assignment("bad-params", "edge.linux-node-memory", Map.of("minMemoryMb", "lots"), null), 422,
                "POLICY_PARAMETERS_INVALID");
        post(org, assignment("unknown-params", "edge.static-ip-configured", Map.of("x", 1), null), 422, "POLICY_PARAMETERS_INVALID");
        post(org, assignment("no-such-policy", "edge.nothing", Map.of(), null), 404, "POLICY_NOT_FOUND");
        Map<String, Object> badScope = assignment("bad-scope", "edge.linux-node-memory", Map.of(), null);
        badScope.put("scope", Map.of("group", UUID.randomUUID().toString()));
        post(org, badScope, 422, "UNPROCESSABLE");
        Map<String, Object> deny = assignment("deny-privileged", "edge.no-privileged-containers", Map.of(), null);
        deny.put("effect", "deny");
        given().auth().oauth2(TestTokens.forRole("fleet-operator", org)).contentType(ContentType.JSON).body(deny)
                .when().post("/api/v1/policy-assignments").then().statusCode(201);
        post(org, deny, 409, "ASSIGNMENT_NAME_TAKEN");
    }

    private static void post(String org, Map<String, Object> spec, int status, String code) {
        given().auth().oauth2(TestTokens.forRole("fleet-operator", org)).contentType(ContentType.JSON).body(spec)
                .when().post("/api/v1/policy-assignments").then().statusCode(status)
                .contentType("application/problem+json").body("code", equalTo(code));
    }

    static Map<String, Object> assignment(String name, String policy, Map<String, Object> params, String enforcement) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", name);
        spec.put("policy", policy);
        spec.put("params", params);
        spec.put("effect", "audit");
        if (enforcement != null) {
            spec.put("enforcement", enforcement);
        }
        return spec;
    }

    private static JsonPath awaitStatus(String org, String id, String path) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> get(org, id).get(path) != null);
        return get(org, id);
    }

    private static JsonPath get(String org, String id) {
        return given().auth().oauth2(TestTokens.forRole("fleet-viewer", org)).when().get("/api/v1/policy-assignments/" + id)
                .then().statusCode(200).extract().jsonPath();
    }
}
