package io.edgefleet.provisioning.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.events.EventType;
import io.edgefleet.provisioning.TestDevice;
import io.edgefleet.testsupport.AuditEvents;
import io.edgefleet.testsupport.EventAssertions;
import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Provisioning's changes are audited with who made them — an operator, a device not yet enrolled,
 * an enrolled device — and a refused device token is a security event; no audit record ever
 * quotes an enrollment secret.
 */
@QuarkusTest
class AuditTrailTest {

    @Test
    void enrollmentTokensAreAuditedWithoutTheirSecret() {
        String secret = TestDevice.createToken(false, 3);
        String tokenId = secret.substring(0, secret.indexOf('.'));
        given().auth().oauth2(TestTokens.operator()).when().post("/api/v1/enrollment-tokens/" + tokenId + "/revoke")
                .then().statusCode(200);

        List<ConsumerRecord<String, String>> records = AuditEvents.matching(r -> tokenId.equals(r.key()), 2);
        List<JsonNode> events = records.stream().map(r -> EventAssertions.assertMatchesSchema(EventType.AUDIT_RECORDED, r.value()))
                .toList();
        JsonNode created = AuditEvents.withAction(events, "provisioning.enrollment-token.created");
        assertEquals("test-fleet-operator", created.path("actor").path("id").asText());
        assertEquals("enrollment-token", created.path("resourceType").asText());
        JsonNode revoked = AuditEvents.withAction(events, "provisioning.enrollment-token.revoked");
        assertEquals(List.of("revokedAt"), fields(revoked));
        assertFalse(revoked.path("changes").get(0).hasNonNull("before"), "it was not revoked before");
        records.forEach(r -> assertFalse(r.value().contains(secret.substring(secret.indexOf('.') + 1)),
                "an audit record quotes the enrollment secret"));
    }

    @Test
    void aDeviceIsTheActorOfWhatItDoes() {
        TestDevice.Enrolled device = TestDevice.enrolledDevice();
        JsonNode enrolled = AuditEvents.withAction(AuditEvents.about(device.deviceId(), 1), "provisioning.device.enrolled");
        assertEquals("anonymous", enrolled.path("actor").path("kind").asText(), "a device enrolls before it has an identity");
        assertEquals("127.0.0.1", enrolled.path("sourceAddress").asText());

        String newKey = device.device().rotateLocalKey();
        given().auth().oauth2(device.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("publicKey", newKey, "proof", device.device().assertion(device.deviceId())))
                .when().post("/api/v1/device/key").then().statusCode(200);
        JsonNode rotated = AuditEvents.withAction(AuditEvents.about(device.deviceId(), 2), "provisioning.credential.rotated");
        assertEquals("device", rotated.path("actor").path("kind").asText());
        assertEquals(device.deviceId(), rotated.path("actor").path("id").asText());
        assertEquals("/api/v1/device/key", rotated.path("path").asText());
    }

    @Test
    void aRefusedDeviceTokenIsASecurityEvent() {
        String requestId = "req-device-" + UUID.randomUUID();
        given().auth().oauth2("forged.device.token").header("X-Request-Id", requestId).when().get("/api/v1/device/commands/pending")
                .then().statusCode(401);

        JsonNode refused = EventAssertions.assertMatchesSchema(EventType.AUDIT_RECORDED,
                AuditEvents.matching(r -> r.value().contains(requestId), 1).get(0).value());
        assertEquals("security.authentication-failed", refused.path("action").asText());
        assertEquals("DEVICE_TOKEN_INVALID", refused.path("code").asText());
    }

    @Test
    void aRefusedSessionUpgradeIsASecurityEvent() {
        String forged = "forged-" + UUID.randomUUID();
        given().header("Connection", "Upgrade").header("Upgrade", "websocket").header("Sec-WebSocket-Version", "13")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").auth().oauth2(forged)
                .when().get("/api/v1/agent/session").then().statusCode(401);

        List<JsonNode> refusals = AuditEvents.matching(r -> r.value().contains("/api/v1/agent/session")
                && r.value().contains("security.authentication-failed"), 1).stream()
                .map(r -> EventAssertions.assertMatchesSchema(EventType.AUDIT_RECORDED, r.value())).toList();
        assertEquals("DEVICE_TOKEN_INVALID", refusals.get(refusals.size() - 1).path("code").asText());
        assertEquals("127.0.0.1", refusals.get(refusals.size() - 1).path("sourceAddress").asText());
    }

    private static List<String> fields(JsonNode event) {
        List<String> fields = new java.util.ArrayList<>();
        event.path("changes").forEach(c -> fields.add(c.path("field").asText()));
        return fields;
    }
}
