package io.edgefleet.policy.compliance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgefleet.projection.InventoryRecords;
import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An exemption makes a device exempt with its reason, and stops applying on its own when it expires. */
@QuarkusTest
class ExemptionTest {

    private static final String MEMORY = "edge-rules/edge.linux-node-memory";

    @Test
    void anExemptDeviceIsExemptUntilTheExemptionExpires() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String device = UUID.randomUUID().toString();
        InventoryRecords.stateWith(org, device, "edge-waived", 1, ComplianceFlowTest.machine(2048));
        String assignment = ComplianceFlowTest.awaitRecord(org, device, MEMORY, "non-compliant").getString("assignmentId");

        Map<String, Object> spec = exemption("waived-lab", assignment, device, OffsetDateTime.now().plusSeconds(8));
        given().auth().oauth2(TestTokens.forRole("fleet-operator", org)).contentType(ContentType.JSON).body(spec)
                .when().post("/api/v1/policy-exemptions").then().statusCode(201).body("expired", equalTo(false));
        String why = ComplianceFlowTest.awaitRecord(org, device, MEMORY, "exempt").getString("reasons[0].message");
        assertTrue(why.startsWith("waiver: a lab machine (exemption waived-lab, until "), why);

        ComplianceFlowTest.awaitRecord(org, device, MEMORY, "non-compliant");
        assertEquals(List.of("null>non-compliant", "non-compliant>exempt", "exempt>non-compliant"),
                ComplianceFlowTest.history(device, MEMORY).subList(0, 3));
        given().auth().oauth2(TestTokens.forRole("fleet-viewer", org)).when().get("/api/v1/policy-exemptions").then()
                .statusCode(200).body("items[0].expired", equalTo(true));
    }

    @Test
    void anExemptionRefusesWhatCannotApply() {
        String org = "org-" + UUID.randomUUID();
        String operator = TestTokens.forRole("fleet-operator", org);
        post(operator, exemption("unknown", UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                OffsetDateTime.now().plusDays(1)), 404);
        String assignment = given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("name", "memory", "policy", "edge.linux-node-memory", "effect", "audit"))
                .when().post("/api/v1/policy-assignments").then().statusCode(201).extract().path("id");
        post(operator, exemption("past", assignment, UUID.randomUUID().toString(), OffsetDateTime.now().minusMinutes(1)), 422);
        post(operator, exemption("far", assignment, UUID.randomUUID().toString(), OffsetDateTime.now().plusYears(2)), 422);
        Map<String, Object> neither = exemption("neither", assignment, null, OffsetDateTime.now().plusDays(1));
        post(operator, neither, 422);
        Map<String, Object> badReason = exemption("bad-reason", assignment, UUID.randomUUID().toString(), OffsetDateTime.now().plusDays(1));
        badReason.put("reason", "because");
        post(operator, badReason, 422);
    }

    private static void post(String token, Map<String, Object> spec, int status) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(spec).when().post("/api/v1/policy-exemptions")
                .then().statusCode(status).contentType("application/problem+json");
    }

    private static Map<String, Object> exemption(String name, String assignment, String device, OffsetDateTime expiresAt) {
        Map<String, Object> spec = new HashMap<>();
        spec.put("name", name);
        spec.put("assignment", assignment);
        if (device != null) {
            spec.put("device", device);
        }
        spec.put("reason", "waiver");
        spec.put("description", "a lab machine");
        spec.put("expiresAt", expiresAt.toString());
        return spec;
    }
}
