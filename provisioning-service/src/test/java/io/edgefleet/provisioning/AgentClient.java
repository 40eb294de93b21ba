package io.edgefleet.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.events.agent.AgentProtocol;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client (the JDK's) speaking the agent session protocol, for tests. */
public final class AgentClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private AgentClient(URI uri, String accessToken, String protocol) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + accessToken);
        if (protocol != null) {
            builder.header(AgentProtocol.HEADER, protocol);
        }
        this.socket = builder.buildAsync(uri, new Listener()).join();
    }

    /** Opens a session to the service under test ({@code baseUrl} like {@code http://127.0.0.1:8082}). */
    public static AgentClient connect(String baseUrl, String accessToken) {
        return connect(baseUrl, accessToken, AgentProtocol.CURRENT);
    }

    /** Opens a session speaking protocol {@code protocol} (null: no version header, as agents before 1.1). */
    public static AgentClient connect(String baseUrl, String accessToken, String protocol) {
        return new AgentClient(URI.create(baseUrl.replaceFirst("^http", "ws") + "/api/v1/agent/session"), accessToken, protocol);
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    public void ack(String commandId) {
        send("{\"type\":\"ack\",\"commandId\":\"" + commandId + "\"}");
    }

    public void progress(String commandId) {
        send("{\"type\":\"progress\",\"commandId\":\"" + commandId + "\",\"message\":\"working\",\"percent\":50}");
    }

    public void succeed(String commandId) {
        send("{\"type\":\"result\",\"commandId\":\"" + commandId + "\",\"status\":\"succeeded\",\"result\":{\"applied\":2}}");
    }

    /** The next message of {@code type}, skipping others; fails after {@code timeout}. */
    public JsonNode next(String type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode message = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (message == null) {
                throw new AssertionError("no '" + type + "' message within " + timeout);
            }
            if (type.equals(message.path("type").asText())) {
                return message;
            }
        }
    }

    /** Every message of {@code type} that arrives within {@code window}. */
    public List<JsonNode> drain(String type, Duration window) throws InterruptedException {
        List<JsonNode> messages = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        JsonNode message;
        while ((message = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
            if (type.equals(message.path("type").asText())) {
                messages.add(message);
            }
        }
        return messages;
    }

    /** The close code the server sent, waiting up to {@code timeout}. */
    public int awaitClose(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null).join();
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
