package io.edgefleet.provisioning;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.testsupport.EventAssertions;
import io.edgefleet.testsupport.KafkaTestClient;
import io.edgefleet.testsupport.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/** Operator-side helpers for command tests. */
public final class Commands {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final Map<String, Object> MANIFESTS = Map.of("manifests",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\ndata:\n  a: b\n");

    private Commands() {
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + RestAssured.port;
    }

    /**
     * Waits until the device's session is registered: a heartbeat is published when it opens.
     * Without this a command could be queued a moment before the session exists, which is also
     * fine (it is delivered on open) but would not test the push path.
     */
    public static void awaitSessionOpen(String deviceId) {
        KafkaTestClient.awaitRecords(Topics.AGENT_REPORTS, 1, Duration.ofSeconds(30), r -> deviceId.equals(r.key()));
    }

    public static Response post(String deviceId, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/devices/" + deviceId + "/commands");
    }

    /** Requests an apply-manifests command and returns its id. */
    public static String apply(String deviceId) {
        return post(deviceId, Map.of("type", "apply-manifests", "payload", MANIFESTS))
                .then().statusCode(201).extract().path("id");
    }

    public static String status(String commandId) {
        return given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/commands/" + commandId)
                .then().statusCode(200).extract().path("status");
    }

    public static void awaitStatus(String commandId, String status) {
        Awaitility.await("command " + commandId + " " + status).atMost(Duration.ofSeconds(30))
                .until(() -> status.equals(status(commandId)));
    }

    /** The statuses published for one command on fleet.commands.status, in order, once {@code count} arrived. */
    public static List<String> publishedStatuses(String deviceId, String commandId, int count) {
        return KafkaTestClient.awaitRecords(Topics.COMMAND_STATUS, count, Duration.ofSeconds(60),
                        r -> deviceId.equals(r.key()) && data(r.value()).path("commandId").asText().equals(commandId))
                .stream().map(r -> {
                    EventAssertions.assertMatchesSchema(EventType.COMMAND_STATUS_CHANGED, r.value());
                    return data(r.value()).path("status").asText();
                }).toList();
    }

    private static JsonNode data(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
