package io.edgefleet.provisioning.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.events.EventType;
import io.edgefleet.provisioning.TestDevice;
import io.edgefleet.testsupport.EventAssertions;
import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EnrollmentTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void enrollsWithoutApprovalAndPublishesTheEnrollment() {
        TestDevice device = new TestDevice();
        var enrolled = device.enroll(TestDevice.createToken(false, 3), "edge-auto-01")
                .then().statusCode(201).body("status", equalTo("approved")).body("deviceId", notNullValue())
                .extract();
        String deviceId = enrolled.path("deviceId");
        String enrollmentId = enrolled.path("id");

        device.requestToken(deviceId).then().statusCode(200)
                .body("deviceId", equalTo(deviceId)).body("accessToken", notNullValue());

        EventAssertions.awaitEvent(EventType.ENROLLMENT_REQUESTED, enrollmentId, TestTokens.DEFAULT_ORG);
        EventAssertions.awaitEvent(EventType.ENROLLMENT_APPROVED, enrollmentId, TestTokens.DEFAULT_ORG);
        JsonNode enrolledEvent = EventAssertions.awaitEvent(EventType.DEVICE_ENROLLED, deviceId, TestTokens.DEFAULT_ORG);
        assertEquals("edge-auto-01", enrolledEvent.path("facts").path("hostname").asText());
        assertEquals("k3s", enrolledEvent.path("facts").path("kubernetes").path("distribution").asText());
        assertEquals("lab", enrolledEvent.path("labels").path("site").asText());
    }

    @Test
    void pendingEnrollmentGetsCredentialsOnlyAfterApproval() {
        TestDevice device = new TestDevice();
        String enrollmentId = device.enroll(TestDevice.createToken(true, 1), "edge-approve-01")
                .then().statusCode(202).body("status", equalTo("pending")).extract().path("id");

        device.requestToken(enrollmentId).then().statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("ENROLLMENT_PENDING"));

        String deviceId = given().auth().oauth2(TestTokens.operator()).when()
                .post("/api/v1/enrollments/" + enrollmentId + "/approve")
                .then().statusCode(200).body("status", equalTo("approved")).extract().path("deviceId");
        device.requestToken(enrollmentId).then().statusCode(200).body("deviceId", equalTo(deviceId));
        device.requestToken(deviceId).then().statusCode(200);

        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("reason", "too late"))
                .when().post("/api/v1/enrollments/" + enrollmentId + "/reject")
                .then().statusCode(409).contentType(PROBLEM).body("code", equalTo("ENROLLMENT_ALREADY_DECIDED"));
    }

    @Test
    void rejectedEnrollmentNeverGetsCredentials() {
        TestDevice device = new TestDevice();
        String enrollmentId = device.enroll(TestDevice.createToken(true, 1), "edge-reject-01")
                .then().statusCode(202).extract().path("id");
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("reason", "unknown site"))
                .when().post("/api/v1/enrollments/" + enrollmentId + "/reject")
                .then().statusCode(200).body("status", equalTo("rejected")).body("rejectReason", equalTo("unknown site"));
        device.requestToken(enrollmentId).then().statusCode(403).body("code", equalTo("ENROLLMENT_REJECTED"));
        EventAssertions.awaitEvent(EventType.ENROLLMENT_REJECTED, enrollmentId, TestTokens.DEFAULT_ORG);
    }

    @Test
    void viewersCannotApprove() {
        String enrollmentId = new TestDevice().enroll(TestDevice.createToken(true, 1), "edge-viewer-01")
                .then().statusCode(202).extract().path("id");
        given().auth().oauth2(TestTokens.viewer()).when().post("/api/v1/enrollments/" + enrollmentId + "/approve")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/enrollments/" + enrollmentId)
                .then().statusCode(200).body("status", equalTo("pending"));
    }
}
