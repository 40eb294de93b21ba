package io.edgefleet.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.agent.cluster.ClusterInventory;
import io.edgefleet.agent.cluster.SimulatedCluster;
import io.edgefleet.agent.cluster.SimulatedMachine;
import io.edgefleet.events.EventType;
import io.edgefleet.events.agent.AgentProtocol;
import io.edgefleet.testsupport.EventAssertions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** When the agent sends its inventory report (a new session twice, a change at once, otherwise every tenth heartbeat), and its shape. */
class InventoryReportsTest {

    private final SimulatedMachine machine = new SimulatedMachine(new SimulatedCluster("c", SimulatedCluster.Shape.K3S_SINGLE_MACHINE),
            "h", true, new Random(1));
    private final InventoryReports reports = new InventoryReports(new AgentConfig(List.of(URI.create("http://gw")), null,
            Duration.ofSeconds(30), "0.1.0", null, Duration.ofSeconds(5), null, Duration.ofMinutes(1), AgentProtocol.CURRENT,
            null), new ObjectMapper());

    @Test
    void aNewSessionSendsTheReportAndOnceMoreThenOnlyChangesAndEveryTenth() {
        reports.reset();
        assertNotNull(reports.due(machine.inventory()), "on the new session");
        assertNotNull(reports.due(machine.inventory()), "at the heartbeat after it, in case the first was lost");
        for (int i = 1; i < InventoryReports.RESYNC_EVERY; i++) {
            assertNull(reports.due(machine.inventory()), "unchanged heartbeat " + i);
        }
        assertNotNull(reports.due(machine.inventory()), "the tenth resends regardless");
        machine.upgradeTo("v1.30.5+k3s1");
        assertNotNull(reports.due(machine.inventory()), "a change goes at once");
        assertNull(reports.due(machine.inventory()));
    }

    @Test
    void factsTheClusterDoesNotShowAreLeftOutSoTheReportStillMeetsItsSchema() {
        ClusterInventory bare = new ClusterInventory(new ClusterInventory.Cluster("c", "k3s", "v1.30.4+k3s1", null, null, null),
                List.of(new ClusterInventory.Node("h-ledge", null, null, null, null, null, null, null, null)), List.of());
        reports.reset();
        ObjectNode event = new ObjectMapper().createObjectNode().put("deviceId", "2bff023d-01be-484f-a6e8-75d1b24f2077")
                .put("kind", "inventory").put("receivedAt", "2026-12-04T19:57:01Z");
        event.set("report", reports.due(bare));
        assertFalse(event.path("report").path("nodes").get(0).has("containerRuntime"), event.toString());
        EventAssertions.assertMatchesSchema(EventType.AGENT_REPORT, event.toString());
    }
}
