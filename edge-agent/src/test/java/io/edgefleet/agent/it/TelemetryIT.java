package io.edgefleet.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.agent.Agent;
import io.edgefleet.agent.identity.MemoryStateStore;
import io.edgefleet.agent.telemetry.DirectoryTelemetryBuffer;
import io.edgefleet.agent.testing.JournalLines;
import io.edgefleet.events.Topics;
import io.edgefleet.testsupport.EdgeFleetInfra;
import io.edgefleet.testsupport.KafkaTestClient;
import io.edgefleet.testsupport.ServiceProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Telemetry the agent buffers on disk while telemetry-service is unreachable arrives, in order, once it is back. */
class TelemetryIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void startProvisioning() {
        AgentIT.startProvisioning();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        AgentIT.stopProvisioning();
    }

    @Test
    void batchesBufferedOfflineAreDeliveredInOrder() throws Exception {
        Map<String, String> config = new HashMap<>(new EdgeFleetInfra().start());
        config.put("quarkus.datasource.jdbc.url", EdgeFleetInfra.jdbcUrl("telemetry_it"));
        config.put("edgefleet.device-tokens.jwks", AgentIT.provisioning().baseUrl() + "/api/v1/device-tokens/jwks");
        ServiceProcess telemetry = new ServiceProcess(Path.of(System.getProperty("edgefleet.telemetry.jar")), config);

        Path buffer = Files.createTempDirectory("telemetry-buffer");
        JournalLines journal = new JournalLines();
        Agent agent = AgentIT.agent(new MemoryStateStore(), AgentIT.cluster(), URI.create(telemetry.baseUrl()),
                new DirectoryTelemetryBuffer(buffer, 1000));
        agent.start();
        Awaitility.await("batches buffered while telemetry is down").atMost(Duration.ofSeconds(60))
                .until(() -> agent.telemetryBuffered() >= 5);

        try (ServiceProcess running = telemetry.start()) {
            Awaitility.await("buffer drained").atMost(Duration.ofSeconds(60)).until(() -> agent.telemetryBuffered() == 0);
            int sent = 5;
            List<Long> sequences = KafkaTestClient.awaitRecords(Topics.TELEMETRY_SAMPLES, sent, Duration.ofSeconds(60),
                    r -> agent.deviceId().equals(r.key())).stream().map(r -> sequence(r.value())).toList();
            for (int i = 1; i < sequences.size(); i++) {
                assertTrue(sequences.get(i) > sequences.get(i - 1), "in order: " + sequences);
            }
            assertEquals(0L, sequences.get(0), "the oldest buffered batch arrives first");
            Awaitility.await("drain journalled").atMost(Duration.ofSeconds(30)).until(() -> journal.has("telemetry-drained"));
            assertTrue(journal.has("telemetry-buffering"), journal.all().toString());
        } finally {
            agent.stop();
            journal.close();
        }
    }

    private static long sequence(String json) {
        try {
            return JSON.readTree(json).path("sequence").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
