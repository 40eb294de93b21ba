package io.edgefleet.provisioning.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgefleet.events.Topics;
import io.edgefleet.localinfra.PostgresServer;
import io.edgefleet.provisioning.TestDevice;
import io.edgefleet.secrets.KeystoreKeyEncryptionKeys;
import io.edgefleet.testsupport.EdgeFleetInfra;
import io.edgefleet.testsupport.KafkaTestClient;
import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A command payload field its schema marks writeOnly (apply-manifests' secretManifests) reaches
 * the device and nowhere else: not the database in plaintext, not an API read, an error body, an
 * event or a log line — checked by grepping each for a known secret — and it stays readable after
 * a key-encryption-key rotation.
 */
@QuarkusTest
class CommandSecretsTest {

    @Test
    void aSecretFieldReachesTheDeviceOnly() throws Exception {
        String secret = "s3cr3t-" + UUID.randomUUID();
        List<String> logged = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage() + " " + (record.getThrown() == null ? "" : record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        try {
            TestDevice.Enrolled device = TestDevice.enrolledDevice();
            List<String> answers = new ArrayList<>();
            String id = request(device, secret, "edge-apps", "key-1", 201, answers);
            request(device, secret, "edge-apps", "key-1", 200, answers);
            request(device, secret, "Not_A_Namespace", null, 400, answers);
            answers.add(operator().when().get("/api/v1/commands/" + id).then().statusCode(200).extract().asString());
            answers.add(operator().when().get("/api/v1/devices/" + device.deviceId() + "/commands").then().statusCode(200)
                    .extract().asString());
            KeystoreKeyEncryptionKeys.addKek(Path.of("target/test-kek.p12"), "edgefleet-dev-only".toCharArray());

            String received = given().auth().oauth2(device.accessToken()).when().get("/api/v1/device/commands/pending")
                    .then().statusCode(200).extract().path("items.find { it.id == '" + id + "' }.payload.secretManifests");
            assertEquals(manifest(secret), received, "the device gets the secret, also after a KEK rotation");

            answers.forEach(body -> assertFalse(body.contains(secret), "an API answer shows the secret: " + body));
            assertTrue(answers.get(0).contains("\"manifests\""), "the rest of the payload is shown");
            String stored = storedPayload(id);
            assertFalse(stored.contains(secret), "the database holds the secret in plaintext");
            assertTrue(stored.contains("$sealed"));
            for (String topic : List.of(Topics.COMMAND_STATUS, Topics.AUDIT_EVENTS)) {
                KafkaTestClient.readToEnd(topic, Duration.ofSeconds(5)).forEach(r -> assertFalse(
                        r.value() != null && r.value().contains(secret), "an event on " + topic + " carries the secret"));
            }
            logged.forEach(line -> assertFalse(line.contains(secret), "a log line carries the secret: " + line));
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
    }

    private static String request(TestDevice.Enrolled device, String secret, String namespace, String key, int status,
                                  List<String> answers) {
        var spec = operator().body(Map.of("type", "apply-manifests", "payload", Map.of("manifests",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  mode: edge\n",
                "secretManifests", manifest(secret), "namespace", namespace)));
        if (key != null) {
            spec = spec.header("Idempotency-Key", key);
        }
        String body = spec.when().post("/api/v1/devices/" + device.deviceId() + "/commands").then().statusCode(status)
                .extract().asString();
        answers.add(body);
        return status < 300 ? io.restassured.path.json.JsonPath.from(body).getString("id") : null;
    }

    private static String manifest(String secret) {
        return "apiVersion: v1\nkind: Secret\nmetadata:\n  name: registry-pull\nstringData:\n  token: " + secret + "\n";
    }

    private static io.restassured.specification.RequestSpecification operator() {
        return given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON);
    }

    private static String storedPayload(String id) throws Exception {
        try (Connection c = DriverManager.getConnection(EdgeFleetInfra.jdbcUrl(), PostgresServer.USER, "postgres");
             PreparedStatement st = c.prepareStatement("SELECT CAST(payload AS text) FROM command WHERE id = ?")) {
            st.setObject(1, UUID.fromString(id));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
