package io.edgefleet.provisioning.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.edgefleet.localinfra.PostgresServer;
import io.edgefleet.provisioning.TestDevice;
import io.edgefleet.testsupport.EdgeFleetInfra;
import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every refused enrollment says why, as problem+json, and spends no use of the token. */
@QuarkusTest
class EnrollmentRefusalTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void expiredTokenIsRefused() throws Exception {
        String secret = TestDevice.createToken(false, 5);
        try (Connection c = DriverManager.getConnection(EdgeFleetInfra.jdbcUrl(), PostgresServer.USER, "postgres");
             PreparedStatement st = c.prepareStatement(
                     "UPDATE enrollment_token SET expires_at = now() - interval '1 minute' WHERE id = ?")) {
            st.setObject(1, tokenId(secret));
            st.executeUpdate();
        }
        new TestDevice().enroll(secret, "edge-late").then().statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("ENROLLMENT_TOKEN_EXPIRED"));
        assertUses(secret, 0);
    }

    @Test
    void revokedTokenIsRefused() {
        String secret = TestDevice.createToken(false, 5);
        given().auth().oauth2(TestTokens.operator()).when().post("/api/v1/enrollment-tokens/" + tokenId(secret) + "/revoke")
                .then().statusCode(200).body("status", equalTo("revoked"));
        new TestDevice().enroll(secret, "edge-revoked").then().statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("ENROLLMENT_TOKEN_REVOKED"));
    }

    @Test
    void singleUseTokenCannotBeReused() {
        String secret = TestDevice.createToken(false, 1);
        new TestDevice().enroll(secret, "edge-first").then().statusCode(201);
        new TestDevice().enroll(secret, "edge-second").then().statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("ENROLLMENT_TOKEN_USED_UP"));
        assertUses(secret, 1);
    }

    /** Hardening item 7: 100 KB host facts and 5,000 nodes were stored; refused now, and the token's use is not spent. */
    @Test
    void oversizedFactsAreRefusedAndSpendNoUse() {
        String secret = TestDevice.createToken(false, 1);
        java.util.List<Map<String, Object>> manyNodes = java.util.stream.IntStream.range(0, 5_000)
                .mapToObj(i -> Map.<String, Object>of("name", "n" + i)).toList();
        for (Map<String, Object> facts : java.util.List.<Map<String, Object>>of(
                Map.of("hostname", "edge-big", "hostOs", "w".repeat(100_000)),
                Map.of("hostname", "h".repeat(100_000)),
                Map.of("hostname", "edge-many", "nodes", manyNodes))) {
            int status = new TestDevice().enrollWith(secret, facts).then().contentType(PROBLEM).extract().statusCode();
            org.junit.jupiter.api.Assertions.assertTrue(status >= 400 && status < 500, "status " + status);
        }
        new TestDevice().enroll(secret, "edge-fits").then().statusCode(201);
    }

    @Test
    void badKeysAndUnknownTokensAreRefused() {
        String secret = TestDevice.createToken(false, 5);
        given().contentType(ContentType.JSON)
                .body(Map.of("token", secret, "publicKey", "-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----",
                        "facts", Map.of("hostname", "edge-badkey")))
                .when().post("/api/v1/enrollments").then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("INVALID_PUBLIC_KEY"));
        assertUses(secret, 0);

        new TestDevice().enroll(UUID.randomUUID() + ".forged", "edge-forged").then().statusCode(401).contentType(PROBLEM)
                .body("code", equalTo("ENROLLMENT_TOKEN_INVALID"));
        String wrongSecret = tokenId(secret) + ".not-the-secret";
        new TestDevice().enroll(wrongSecret, "edge-guess").then().statusCode(401).body("code", equalTo("ENROLLMENT_TOKEN_INVALID"));
    }

    @Test
    void secretIsShownOnceAndNeverListed() {
        String secret = TestDevice.createToken(false, 1);
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/enrollment-tokens/" + tokenId(secret))
                .then().statusCode(200).body("secret", nullValue()).body("status", equalTo("active"));
    }

    private static void assertUses(String secret, int uses) {
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/enrollment-tokens/" + tokenId(secret))
                .then().statusCode(200).body("uses", equalTo(uses));
    }

    private static UUID tokenId(String secret) {
        return UUID.fromString(secret.substring(0, secret.indexOf('.')));
    }
}
