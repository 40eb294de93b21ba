package io.edgefleet.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.agent.identity.MemoryStateStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AgentJournalTest {

    @Test
    void aStepIsOneLineOfKeyValuePairsQuotedWhereNeeded() {
        assertEquals("event=session-closed reason=\"session closed (1006 gone)\" retryInMs=1200",
                AgentJournal.line("session-closed", "reason", "session closed (1006 gone)", "retryInMs", 1200));
        assertEquals("event=approved device=d-1", AgentJournal.line("approved", "device", "d-1", "enrollment", null));
        assertEquals("event=x reason=\"a \\\"b\\\" c\"", AgentJournal.line("x", "reason", "a \"b\" c"));
        assertEquals("event=x reason=\"two lines\"", AgentJournal.line("x", "reason", "two\nlines"));
    }

    @Test
    void thePhaseAndItsFieldsAreKeptAsTheStatus() throws Exception {
        MemoryStateStore state = new MemoryStateStore();
        state.saveDeviceId("device-7");
        AgentJournal journal = new AgentJournal(state, new ObjectMapper(),
                Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));
        journal.phase(AgentJournal.Phase.CLUSTER_UNREACHABLE, "reason", "connection refused");
        journal.phase(AgentJournal.Phase.CONNECTED, "gateway", "http://gw", "reason", null);
        journal.record("lastHeartbeatAt", "2026-12-02T10:00:05Z");

        var status = new ObjectMapper().readTree(state.status().orElseThrow());
        assertEquals("connected", status.path("phase").asText());
        assertEquals("2026-12-02T10:00:00Z", status.path("since").asText());
        assertEquals("http://gw", status.path("gateway").asText());
        assertEquals("device-7", status.path("deviceId").asText());
        assertEquals("2026-12-02T10:00:05Z", status.path("lastHeartbeatAt").asText());
        assertTrue(status.path("reason").isMissingNode(), "a cleared field is gone: " + status);
    }
}
