package io.edgefleet.agent;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.agent.cluster.SimulatedCluster;
import io.edgefleet.agent.cluster.SimulatedMachine;
import io.edgefleet.events.agent.AgentProtocol;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** When the agent sends its inventory report: a new session twice, a change at once, otherwise every tenth heartbeat. */
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
}
