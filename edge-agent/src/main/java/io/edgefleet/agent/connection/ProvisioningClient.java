package io.edgefleet.agent.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** provisioning-service's device API over HTTP: enrollment, access tokens, key rotation. */
public class ProvisioningClient {

    private final HttpClient http;
    private final Gateways gateways;
    private final ObjectMapper json;

    public ProvisioningClient(HttpClient http, Gateways gateways, ObjectMapper json) {
        this.http = http;
        this.gateways = gateways;
        this.json = json;
    }

    /** The session's URL at the gateway in use. */
    public URI sessionUri() {
        return sessionUri(gateways.current());
    }

    public static URI sessionUri(URI gateway) {
        return URI.create(gateway.toString().replaceFirst("^http", "ws").replaceFirst("/$", "") + "/api/v1/agent/session");
    }

    public Gateways gateways() {
        return gateways;
    }

    /** Enrolls; answers the enrollment (status approved with deviceId, or pending). */
    public JsonNode enroll(String enrollmentToken, String publicKeyPem, Object facts) {
        return post("/api/v1/enrollments", Map.of("token", enrollmentToken, "publicKey", publicKeyPem, "facts", facts), null);
    }

    /** An access token for the device (or pending enrollment) whose key signed {@code assertion}. */
    public JsonNode token(String assertion) {
        return post("/api/v1/device-tokens", Map.of("assertion", assertion), null);
    }

    public JsonNode rotateKey(String accessToken, String publicKeyPem, String proof) {
        return post("/api/v1/device/key", Map.of("publicKey", publicKeyPem, "proof", proof), accessToken);
    }

    private JsonNode post(String path, Object body, String bearer) {
        URI gateway = gateways.current();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
            if (response.statusCode() >= 500) {
                gateways.failed(gateway, "HTTP " + response.statusCode() + " from " + path);
            }
            if (response.statusCode() >= 400) {
                throw new ProvisioningException(response.statusCode(), answer.path("code").asText("HTTP_" + response.statusCode()),
                        answer.path("detail").asText(response.body()));
            }
            return answer;
        } catch (IOException e) {
            gateways.failed(gateway, e.toString());
            throw new ProvisioningException(0, "UNREACHABLE", gateway + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisioningException(0, "INTERRUPTED", "interrupted");
        }
    }

    /** A refusal (with provisioning's problem code) or an unreachable server (status 0). */
    public static class ProvisioningException extends RuntimeException {

        private final int status;
        private final String code;

        public ProvisioningException(int status, String code, String detail) {
            super(code + ": " + detail);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }

        /** Worth retrying later: the server was unreachable, failing, or the enrollment awaits approval. */
        public boolean transientFailure() {
            return status == 0 || status >= 500 || "ENROLLMENT_PENDING".equals(code);
        }
    }
}
