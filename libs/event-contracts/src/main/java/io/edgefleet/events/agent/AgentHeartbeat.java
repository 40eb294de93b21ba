package io.edgefleet.events.agent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * Data of {@code edgefleet.agent.heartbeat.v1} on {@code fleet.agent.reports}: the device's
 * agent is alive and connected. Key and subject = device id.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgentHeartbeat(String deviceId, String agentVersion, String sessionId, Instant receivedAt) {
}
