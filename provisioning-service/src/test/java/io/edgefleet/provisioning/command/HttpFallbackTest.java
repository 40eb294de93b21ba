package io.edgefleet.provisioning.command;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgefleet.provisioning.Commands;
import io.edgefleet.provisioning.TestDevice;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Devices behind networks that block WebSockets long-poll and report over plain HTTP. */
@QuarkusTest
class HttpFallbackTest {

    @Test
    void longPollReturnsACommandPostedDuringTheWait() throws Exception {
        TestDevice.Enrolled device = TestDevice.enrolledDevice();
        CompletableFuture<List<String>> poll = CompletableFuture.supplyAsync(() -> given()
                .auth().oauth2(device.accessToken()).queryParam("waitSeconds", 20)
                .when().get("/api/v1/device/commands/pending").then().statusCode(200).extract().path("items.id"));
        Thread.yield();
        String id = Commands.apply(device.deviceId());

        assertEquals(List.of(id), poll.get(30, TimeUnit.SECONDS));
        report(device, id, "acknowledged").then().statusCode(200).body("status", equalTo("acknowledged"));
        report(device, id, "running").then().statusCode(200).body("status", equalTo("running"));
        report(device, id, "failed").then().statusCode(200).body("status", equalTo("failed"))
                .body("failureReason", equalTo("disk full"));
        assertEquals(List.of("queued", "delivered", "acknowledged", "running", "failed"),
                Commands.publishedStatuses(device.deviceId(), id, 5));
    }

    @Test
    void pollWithoutWaitingAnswersAtOnce() {
        TestDevice.Enrolled device = TestDevice.enrolledDevice();
        given().auth().oauth2(device.accessToken()).when().get("/api/v1/device/commands/pending")
                .then().statusCode(200).body("items.size()", equalTo(0));
        given().auth().oauth2(device.accessToken()).queryParam("waitSeconds", 99).when().get("/api/v1/device/commands/pending")
                .then().statusCode(400).contentType("application/problem+json");
        // Hardening item 8: a non-numeric value is a 400 (JAX-RS says 404), and a refused token is never echoed.
        given().auth().oauth2(device.accessToken()).queryParam("waitSeconds", "soon").when()
                .get("/api/v1/device/commands/pending").then().statusCode(400).contentType("application/problem+json");
        String forged = device.accessToken().substring(0, device.accessToken().length() - 4) + "AAAA";
        String body = given().auth().oauth2(forged).when().get("/api/v1/device/commands/pending")
                .then().statusCode(401).contentType("application/problem+json").extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains(forged.substring(0, 40)), body);
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("java."), body);
    }

    private static io.restassured.response.Response report(TestDevice.Enrolled device, String id, String status) {
        return given().auth().oauth2(device.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("status", status, "failureReason", "disk full"))
                .when().post("/api/v1/device/commands/" + id + "/status");
    }
}
