package io.edgefleet.provisioning.security;

import static io.restassured.RestAssured.given;

import io.edgefleet.projection.InventoryRecords;
import io.edgefleet.provisioning.TestDevice;
import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * An operator bound to one site commands, reads and revokes only that site's devices; another
 * site's device and its commands are unknown to them (404); organization-wide resources refuse them.
 */
@QuarkusTest
class ScopedCommandsTest {

    private static final Map<String, Object> RESTART = Map.of("type", "restart-agent", "payload", Map.of());

    @Test
    void aSiteOperatorCommandsOnlyTheDevicesOfItsSite() {
        String site = "lab-" + UUID.randomUUID().toString().substring(0, 8);
        String user = "frank-" + site;
        String inside = TestDevice.enrolledDevice().deviceId();
        String outside = TestDevice.enrolledDevice().deviceId();
        InventoryRecords.device(TestTokens.DEFAULT_ORG, UUID.randomUUID().toString(), inside, "in-" + site, Map.of("site", site));
        InventoryRecords.device(TestTokens.DEFAULT_ORG, UUID.randomUUID().toString(), outside, "out-" + site, Map.of("site", "x"));
        InventoryRecords.roleBinding(TestTokens.DEFAULT_ORG, UUID.randomUUID().toString(), "user", user, "operator", "site=" + site);
        String foreign = given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(RESTART)
                .when().post("/api/v1/devices/" + outside + "/commands").then().statusCode(201).extract().path("id");

        Awaitility.await("device and binding projected").atMost(Duration.ofSeconds(30)).until(() -> as(user).body(RESTART)
                .when().post("/api/v1/devices/" + inside + "/commands").then().extract().statusCode() == 201);
        as(user).when().get("/api/v1/devices/" + inside + "/commands").then().statusCode(200);
        as(user).body(RESTART).when().post("/api/v1/devices/" + outside + "/commands").then().statusCode(404)
                .contentType("application/problem+json");
        as(user).when().get("/api/v1/devices/" + outside + "/commands").then().statusCode(404);
        as(user).when().get("/api/v1/commands/" + foreign).then().statusCode(404);
        as(user).when().post("/api/v1/commands/" + foreign + "/cancel").then().statusCode(404);
        as(user).body(Map.of("reason", "no")).when().post("/api/v1/devices/" + outside + "/revoke").then().statusCode(404);
        as(user).when().get("/api/v1/enrollments").then().statusCode(403);
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/commands/" + foreign).then().statusCode(200);
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestTokens.forSubject(user, TestTokens.DEFAULT_ORG)).contentType(ContentType.JSON);
    }
}
