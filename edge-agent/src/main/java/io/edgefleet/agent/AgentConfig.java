package io.edgefleet.agent;

import io.edgefleet.events.provisioning.DeviceFacts;
import java.net.URI;
import java.time.Duration;

/**
 * One agent's settings.
 *
 * @param server provisioning-service's URL
 * @param enrollmentToken used once, when the state holds no identity yet
 * @param heartbeatInterval mean time between heartbeats (each is jittered by ±20 %)
 * @param host facts about the machine sent at enrollment (the cluster part is read from the cluster)
 * @param telemetryUrl telemetry-service's URL, or null to send no telemetry
 * @param telemetryInterval time between telemetry batches
 */
public record AgentConfig(URI server, String enrollmentToken, Duration heartbeatInterval, String agentVersion,
                          DeviceFacts host, Duration upgradeVerifyTimeout, URI telemetryUrl, Duration telemetryInterval) {
}
