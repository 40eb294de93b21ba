package io.edgefleet.events.agent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * Data of {@code edgefleet.agent.report.v1} on {@code fleet.agent.reports}: a report the agent
 * sent, e.g. {@code kind = "inventory"} with the cluster's nodes. Key and subject = device id.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgentReport(String deviceId, String kind, JsonNode report, Instant receivedAt) {
}
