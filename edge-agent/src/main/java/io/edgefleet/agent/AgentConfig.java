package io.edgefleet.agent;

import io.edgefleet.events.provisioning.DeviceFacts;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One agent's settings.
 *
 * @param gateways provisioning-service's agent gateway URLs, most preferred first (failed over in order)
 * @param enrollmentToken used once, when the state holds no identity yet
 * @param heartbeatInterval mean time between heartbeats (each is jittered by ±20 %)
 * @param host facts about the machine sent at enrollment (the cluster part is read from the cluster)
 * @param telemetryUrl telemetry-service's URL, or null to send no telemetry
 * @param telemetryInterval time between telemetry batches
 * @param protocolVersion the agent protocol version spoken ({@code AgentProtocol.CURRENT}; tests speak older ones)
 * @param machine what the agent reports about its machine beyond the cluster
 */
public record AgentConfig(List<URI> gateways, String enrollmentToken, Duration heartbeatInterval, String agentVersion,
                          DeviceFacts host, Duration upgradeVerifyTimeout, URI telemetryUrl, Duration telemetryInterval,
                          String protocolVersion, MachineSettings machine) {

    public AgentConfig {
        gateways = List.copyOf(gateways);
        machine = machine == null ? MachineSettings.none() : machine;
    }
}
