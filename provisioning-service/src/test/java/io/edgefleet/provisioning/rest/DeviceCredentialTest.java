package io.edgefleet.provisioning.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgefleet.events.EventType;
import io.edgefleet.provisioning.TestDevice;
import io.edgefleet.testsupport.EventAssertions;
import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeviceCredentialTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void accessTokenVerifiesAgainstThePublishedJwks() throws Exception {
        TestDevice.Enrolled device = TestDevice.enrolledDevice();
        String jwks = given().when().get("/api/v1/device-tokens/jwks").then().statusCode(200).extract().asString();
        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                .setExpectedIssuer("edgefleet-provisioning").setExpectedAudience("edgefleet-devices")
                .build().processToClaims(device.accessToken());
        assertEquals(device.deviceId(), claims.getSubject());
        assertEquals("default", claims.getStringClaimValue("org"));
        assertEquals(java.util.List.of("device"), claims.getStringListClaimValue("groups"));
    }

    @Test
    void revokedDeviceIsRefusedEverywhereAndTheRevocationPublished() {
        TestDevice.Enrolled device = TestDevice.enrolledDevice();
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("reason", "stolen"))
                .when().post("/api/v1/devices/" + device.deviceId() + "/revoke")
                .then().statusCode(200).body("status", equalTo("revoked"));

        device.device().requestToken(device.deviceId()).then().statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("DEVICE_REVOKED"));
        rotate(device, device.device().rotateLocalKey()).then().statusCode(403).body("code", equalTo("DEVICE_REVOKED"));
        var event = EventAssertions.awaitEvent(EventType.DEVICE_REVOKED, device.deviceId(), TestTokens.DEFAULT_ORG);
        assertEquals("stolen", event.path("reason").asText());
    }

    @Test
    void rotatedKeyReplacesTheOldOne() {
        TestDevice.Enrolled enrolled = TestDevice.enrolledDevice();
        TestDevice device = enrolled.device();
        String oldAssertion = device.assertion(enrolled.deviceId());

        rotate(enrolled, device.rotateLocalKey()).then().statusCode(200).body("rotatedAt", org.hamcrest.Matchers.notNullValue());

        given().contentType(ContentType.JSON).body(Map.of("assertion", oldAssertion)).when().post("/api/v1/device-tokens")
                .then().statusCode(401).body("code", equalTo("INVALID_DEVICE_ASSERTION"));
        device.requestToken(enrolled.deviceId()).then().statusCode(200);
        EventAssertions.awaitEvent(EventType.CREDENTIAL_ROTATED, enrolled.deviceId(), TestTokens.DEFAULT_ORG);
    }

    @Test
    void deviceAndUserTokensNeverMix() {
        TestDevice.Enrolled device = TestDevice.enrolledDevice();
        given().auth().oauth2(device.accessToken()).when().get("/api/v1/enrollments")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("publicKey", device.device().publicKeyPem(), "proof", "x"))
                .when().post("/api/v1/device/key").then().statusCode(401).body("code", equalTo("DEVICE_TOKEN_INVALID"));
    }

    @Test
    void assertionSignedByAnotherKeyIsRefused() {
        TestDevice.Enrolled device = TestDevice.enrolledDevice();
        new TestDevice().requestToken(device.deviceId()).then().statusCode(401).contentType(PROBLEM)
                .body("code", equalTo("INVALID_DEVICE_ASSERTION"));
    }

    private static io.restassured.response.Response rotate(TestDevice.Enrolled enrolled, String newPublicKey) {
        return given().auth().oauth2(enrolled.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("publicKey", newPublicKey, "proof", enrolled.device().assertion(enrolled.deviceId())))
                .when().post("/api/v1/device/key");
    }
}
