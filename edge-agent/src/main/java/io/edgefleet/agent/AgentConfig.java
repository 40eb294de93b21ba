package io.edgefleet.agent;

import io.edgefleet.events.provisioning.DeviceFacts;
import java.net.URI;
import java.nio.file.Path;
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
 * @param releaseKeys the trust bundle's release signing keys (base64 EC public keys); none: agent updates are refused
 * @param releaseStaging where verified agent releases are written for the hook to install
 * @param gitopsUrl gitops-service's URL, or null: the agent holds no GitOps configurations
 */
public record AgentConfig(List<URI> gateways, String enrollmentToken, Duration heartbeatInterval, String agentVersion,
                          DeviceFacts host, Duration upgradeVerifyTimeout, URI telemetryUrl, Duration telemetryInterval,
                          String protocolVersion, MachineSettings machine, List<String> releaseKeys, Path releaseStaging,
                          URI gitopsUrl) {

    public AgentConfig {
        gateways = List.copyOf(gateways);
        machine = machine == null ? MachineSettings.none() : machine;
        releaseKeys = releaseKeys == null ? List.of() : List.copyOf(releaseKeys);
        releaseStaging = releaseStaging == null ? Path.of(System.getProperty("java.io.tmpdir"), "edgefleet-agent-releases")
                : releaseStaging;
    }

    /** An agent that takes no agent updates (no release key). */
    public AgentConfig(List<URI> gateways, String enrollmentToken, Duration heartbeatInterval, String agentVersion,
                       DeviceFacts host, Duration upgradeVerifyTimeout, URI telemetryUrl, Duration telemetryInterval,
                       String protocolVersion, MachineSettings machine) {
        this(gateways, enrollmentToken, heartbeatInterval, agentVersion, host, upgradeVerifyTimeout, telemetryUrl,
                telemetryInterval, protocolVersion, machine, List.of(), null, null);
    }
}
