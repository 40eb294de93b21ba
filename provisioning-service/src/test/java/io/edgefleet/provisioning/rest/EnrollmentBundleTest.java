package io.edgefleet.provisioning.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.edgefleet.provisioning.TestDevice;
import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EnrollmentBundleTest {

    @Test
    void bundleCarriesEverythingAnUnattendedAgentNeeds() {
        var bundle = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "factory-line-3", "expiresAt", OffsetDateTime.now().plusDays(7).toString(),
                        "maxUses", 50, "requiresApproval", false))
                .when().post("/api/v1/enrollment-bundles")
                .then().statusCode(201).header("Content-Disposition", containsString("attachment"))
                .body("format", equalTo("edgefleet.bundle.v2"))
                .body("gatewayUrls", contains("http://gateway-a.edge.test:8082", "http://gateway-b.edge.test:8082"))
                .body("telemetryUrl", equalTo("http://telemetry.edge.test:8085"))
                .body("gitopsUrl", equalTo("http://gitops.edge.test:8086"))
                .body("serverUrl", equalTo("http://gateway-a.edge.test:8082"))
                .body("trustAnchors.deviceTokenIssuer", equalTo("edgefleet-provisioning"))
                .body("trustAnchors.deviceTokenJwks.keys[0].kty", equalTo("RSA"))
                .body("trustAnchors.releaseSigningKeys", contains("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEpBv5JjKVAyNKYi6gL+4W0dmlCWPc85DrLwEWjsXZCnp4Mq24RaBJATZiV5AQPEusNCQaPuqOYy9uwTGRZw0YLg=="))
                .extract();

        new TestDevice().enroll(bundle.path("enrollmentToken"), "edge-bundle-01").then().statusCode(201)
                .body("status", equalTo("approved"));
    }
}
