package io.edgefleet.policy.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Policies are compiled and bounded when created; built-ins are listed and read-only. */
@QuarkusTest
class PolicyApiTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aRuleThatDoesNotCompileIsRefusedWithItsPosition() {
        create(policy("bad-syntax", "device.linuxNode.memoryMb >=")).statusCode(422).contentType(PROBLEM)
                .body("code", equalTo("POLICY_RULE_INVALID"))
                .body("detail", containsString("1:29"))
                .body("errors[0].field", equalTo("spec.rule"));
    }

    @Test
    void aRuleMustReturnBoolOrAListAndSeeOnlyItsVariables() {
        create(policy("returns-int", "size(device.labels)")).statusCode(422).body("code", equalTo("POLICY_RULE_INVALID"))
                .body("detail", containsString("returns int"));
        create(policy("reads-request", "request.kind == 'command'")).statusCode(422).body("code", equalTo("POLICY_RULE_INVALID"));
    }

    @Test
    void aDeliberatelyExpensiveRuleIsRefused() {
        String expensive = "cluster.nodes.all(a, device.labels.all(k, cluster.nodes.exists(b, b.name + k + a.name == 'x')))";
        create(policy("too-deep", expensive)).statusCode(422).body("code", equalTo("POLICY_RULE_INVALID"))
                .body("detail", containsString("nests 3 loops"));
        String costly = "device.labels.all(a, device.labels.all(b, (a + b + a + b + a + b).size() > 0 && device.labels[a] + device.labels[b]"
                + " + device.labels[a] + device.labels[b] != 'x' && (b + a + b + a).size() > (a + b).size() && a + b != b + a + 'x'))";
        create(policy("too-costly", costly)).statusCode(422).body("code", equalTo("POLICY_RULE_INVALID"))
                .body("detail", containsString("costs too much"));
    }

    @Test
    void parameterSchemasAreCheckedAndReachNothingOutside() {
        Map<String, Object> spec = policy("bad-schema", "device.linuxNode.memoryMb >= params.min");
        spec.put("parameters", Map.of("type", "object", "properties", Map.of("min", Map.of("type", "nonsense"))));
        create(spec).statusCode(422).body("code", equalTo("POLICY_PARAMETERS_INVALID"));
        spec.put("parameters", Map.of("$ref", "https://attacker.example/schema.json"));
        create(spec).statusCode(422).body("code", equalTo("POLICY_PARAMETERS_INVALID"));
        spec.put("parameters", Map.of("type", "object", "properties", Map.of("min", Map.of("type", "integer"))));
        spec.put("defaults", Map.of("min", "four"));
        create(spec).statusCode(422).body("code", equalTo("POLICY_PARAMETERS_INVALID"));
    }

    @Test
    void anOwnPolicyIsCreatedChangedAndDeletedWhileBuiltInsAreReadOnly() {
        Map<String, Object> spec = policy("site-label-" + UUID.randomUUID().toString().substring(0, 8), "'site' in device.labels");
        String id = create(spec).statusCode(201).body("builtIn", equalTo(false)).body("spec.kind", equalTo("device"))
                .extract().path("id");
        create(spec).statusCode(409).body("code", equalTo("POLICY_NAME_TAKEN"));
        spec.put("rule", "'site' in device.labels && device.labels['site'] != ''");
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(spec)
                .when().put("/api/v1/policies/" + id).then().statusCode(200).body("resourceVersion", equalTo("1"));

        given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/policies?limit=500").then().statusCode(200)
                .body("items.spec.name", hasItem("edge.linux-node-memory"))
                .body("items.find { it.spec.name == 'edge.linux-node-memory' }.builtIn", equalTo(true))
                .body("items.find { it.spec.name == 'edge.linux-node-memory' }.edgeRule", equalTo(true));
        String builtIn = given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/policies?limit=500").then()
                .extract().path("items.find { it.spec.name == 'edge.linux-node-memory' }.id");
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(spec)
                .when().put("/api/v1/policies/" + builtIn).then().statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("POLICY_BUILT_IN"));
        given().auth().oauth2(TestTokens.operator()).when().delete("/api/v1/policies/" + builtIn).then().statusCode(409);
        spec.put("name", "edge.mine");
        create(spec).statusCode(422);

        given().auth().oauth2(TestTokens.operator()).when().delete("/api/v1/policies/" + id).then().statusCode(204);
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/policies/" + id).then().statusCode(404)
                .body("code", equalTo("POLICY_NOT_FOUND"));
    }

    @Test
    void anotherOrganizationNeverSeesOnesPolicy() {
        Map<String, Object> spec = policy("private-" + UUID.randomUUID().toString().substring(0, 8), "true");
        String id = create(spec).statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.forRole("fleet-viewer", "other-org")).when().get("/api/v1/policies/" + id).then()
                .statusCode(404);
        List<String> names = given().auth().oauth2(TestTokens.forRole("fleet-viewer", "other-org"))
                .when().get("/api/v1/policies?limit=500").then().statusCode(200).extract().path("items.spec.name");
        org.junit.jupiter.api.Assertions.assertFalse(names.contains(spec.get("name")));
    }

    static Map<String, Object> policy(String name, String rule) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", name);
        spec.put("kind", "device");
        spec.put("rule", rule);
        spec.put("field", "device.labels");
        spec.put("message", "the device breaks " + name);
        return spec;
    }

    private static ValidatableResponse create(Map<String, Object> spec) {
        return given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(spec)
                .when().post("/api/v1/policies").then();
    }
}
