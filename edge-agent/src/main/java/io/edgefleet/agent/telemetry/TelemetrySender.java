package io.edgefleet.agent.telemetry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.agent.AgentJournal;
import io.edgefleet.agent.cluster.ClusterAccess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Every interval: samples the cluster into a batch, buffers it, then sends buffered batches
 * oldest first until one fails. Offline, batches wait in the (bounded) buffer and go out in
 * order once telemetry-service answers again.
 */
public class TelemetrySender {

    private final ClusterAccess cluster;
    private final TelemetryBuffer buffer;
    private final HttpClient http;
    private final URI endpoint;
    private final Supplier<String> accessToken;
    private final ObjectMapper json;
    private final AgentJournal journal;
    private final ReentrantLock draining = new ReentrantLock();
    private volatile boolean buffering;

    public TelemetrySender(ClusterAccess cluster, TelemetryBuffer buffer, HttpClient http, URI telemetryUrl,
                           Supplier<String> accessToken, ObjectMapper json, AgentJournal journal) {
        this.cluster = cluster;
        this.buffer = buffer;
        this.http = http;
        this.endpoint = URI.create(telemetryUrl.toString().replaceFirst("/$", "") + "/api/v1/telemetry");
        this.accessToken = accessToken;
        this.json = json;
        this.journal = journal;
    }

    /** One round: sample, buffer, send what can be sent. Never throws. */
    public void tick() {
        try {
            ObjectNode batch = json.createObjectNode().put("batchId", UUID.randomUUID().toString());
            batch.set("samples", json.valueToTree(cluster.telemetry(Instant.now())));
            buffer.append(json.writeValueAsString(batch));
        } catch (Exception e) {
            return;
        }
        // One sender at a time: two would send the same oldest batch twice.
        if (draining.tryLock()) {
            try {
                drain();
                if (buffering) {
                    buffering = false;
                    journal.step("telemetry-drained", "dropped", buffer.dropped());
                }
            } catch (Exception e) {
                // The next tick tries again; buffered batches are kept.
                if (!buffering) {
                    buffering = true;
                    journal.trouble("telemetry-buffering", "queued", buffer.size(), "reason", e.getMessage());
                }
            } finally {
                draining.unlock();
            }
        }
    }

    private void drain() throws IOException, InterruptedException {
        var entry = buffer.oldest();
        String token = entry.isPresent() ? accessToken.get() : null;
        while (entry.isPresent()) {
            ObjectNode body = (ObjectNode) json.readTree(entry.get().json());
            body.put("sequence", entry.get().sequence());
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status == 202) {
                buffer.remove(entry.get().sequence());
            } else if (status >= 400 && status < 500 && status != 401 && status != 429) {
                // Refused for good (a limit): sending it again would block every later batch.
                buffer.remove(entry.get().sequence());
                buffer.countDropped();
            } else {
                throw new IOException("telemetry-service answered " + status + "; " + buffer.size() + " batches wait");
            }
            entry = buffer.oldest();
        }
    }
}
