package io.edgefleet.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.agent.cluster.ClusterInventory;
import io.edgefleet.agent.cluster.MachineFacts;
import io.edgefleet.events.agent.AgentProtocol;

/**
 * The agent's {@code kind: inventory} report: the cluster, this machine's nodes and namespaces,
 * and (protocol 1.1) the machine's allocations, network, time zone and self-reported labels.
 * Says whether a report is worth sending: on every new session and at the heartbeat after it
 * (a report lost on its way — the gateway's publish is not acknowledged to the agent — is made
 * good within one heartbeat, not ten), whenever it changed, and every {@value #RESYNC_EVERY}
 * asks regardless.
 */
final class InventoryReports {

    static final int RESYNC_EVERY = 10;
    static final int AFTER_NEW_SESSION = 2;

    private final AgentConfig config;
    private final ObjectMapper json;
    private JsonNode last;
    private int asked;
    private int fresh;

    InventoryReports(AgentConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /** Forgets the last report: the next {@link #due()} answers one (a new session). */
    synchronized void reset() {
        last = null;
        fresh = AFTER_NEW_SESSION;
    }

    /** The report of {@code inventory} to send now, or null when the server has it already. */
    synchronized JsonNode due(ClusterInventory inventory) {
        JsonNode report = of(inventory);
        boolean early = fresh > 0;
        fresh = Math.max(0, fresh - 1);
        if (!early && report.equals(last) && ++asked % RESYNC_EVERY != 0) {
            return null;
        }
        last = report;
        return report;
    }

    private JsonNode of(ClusterInventory inventory) {
        ObjectNode report = json.createObjectNode();
        report.set("cluster", json.valueToTree(inventory.cluster()));
        report.set("nodes", json.valueToTree(inventory.nodes()));
        report.set("namespaces", json.valueToTree(inventory.namespaces()));
        report.put("agentVersion", config.agentVersion());
        if (!AgentProtocol.PREVIOUS.equals(config.protocolVersion())) {
            MachineSettings machine = config.machine();
            report.set("machine", json.valueToTree(MachineFacts.of(inventory.nodes(), machine.network(), machine.timeZone())));
            report.set("reportedLabels", json.valueToTree(machine.labels()));
        }
        return report;
    }
}
