package io.edgefleet.provisioning;

import static io.restassured.RestAssured.given;

import io.edgefleet.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

/** A simulated edge device for tests: its own EC key pair, enrollment and assertions. */
public final class TestDevice {

    public static final String AUDIENCE = "edgefleet-provisioning";

    private KeyPair keys = newKeyPair();

    public String publicKeyPem() {
        return pem(keys);
    }

    /** Generates a new key pair (kept for later assertions) and returns its public PEM. */
    public String rotateLocalKey() {
        keys = newKeyPair();
        return publicKeyPem();
    }

    /** A signed assertion naming {@code subject} (device or enrollment id). */
    public String assertion(String subject) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(subject);
        claims.setSubject(subject);
        claims.setAudience(AUDIENCE);
        claims.setExpirationTimeMinutesInTheFuture(2);
        claims.setIssuedAtToNow();
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Response enroll(String tokenSecret, String hostname) {
        Map<String, Object> facts = Map.of("hostname", hostname, "hostOs", "Windows 11 IoT Enterprise",
                "hardware", Map.of("cpuCores", 8, "memoryMb", 16384, "storageGb", 256),
                "kubernetes", Map.of("distribution", "k3s", "version", "v1.30.4+k3s1"),
                "nodes", java.util.List.of(Map.of("name", hostname + "-ledge", "role", "control-plane", "os", "linux")));
        return enrollWith(tokenSecret, facts);
    }

    /** Enrolls presenting exactly these facts. */
    public Response enrollWith(String tokenSecret, Map<String, Object> facts) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("token", tokenSecret, "publicKey", publicKeyPem(), "facts", facts))
                .when().post("/api/v1/enrollments");
    }

    public Response requestToken(String subject) {
        return given().contentType(ContentType.JSON).body(Map.of("assertion", assertion(subject)))
                .when().post("/api/v1/device-tokens");
    }

    /** Enrolls with a fresh auto-approving token and returns the device's access token and id. */
    public static Enrolled enrolledDevice() {
        TestDevice device = new TestDevice();
        String deviceId = device.enroll(createToken(false, 1), "host-" + java.util.UUID.randomUUID().toString().substring(0, 8))
                .then().statusCode(201).extract().path("deviceId");
        String token = device.requestToken(deviceId).then().statusCode(200).extract().path("accessToken");
        return new Enrolled(device, deviceId, token);
    }

    /** Creates an enrollment token as an operator and returns its secret. */
    public static String createToken(boolean requiresApproval, int maxUses) {
        return given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "test-token", "expiresAt", OffsetDateTime.now().plusHours(1).toString(),
                        "maxUses", maxUses, "requiresApproval", requiresApproval,
                        "targetLabels", Map.of("site", "lab")))
                .when().post("/api/v1/enrollment-tokens").then().statusCode(201).extract().path("secret");
    }

    /** A device that holds an identity and a current access token. */
    public record Enrolled(TestDevice device, String deviceId, String accessToken) {
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(KeyPair pair) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
