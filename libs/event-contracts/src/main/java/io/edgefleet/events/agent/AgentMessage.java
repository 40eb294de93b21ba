package io.edgefleet.events.agent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One JSON message of the agent session protocol between the edge agent and
 * provisioning-service's gateway (WebSocket {@code /api/v1/agent/session}), in either direction;
 * {@code type} says which.
 *
 * <p>Agent to server: {@code heartbeat} (agentVersion), {@code report} (kind, report),
 * {@code ack} (commandId), {@code progress} (commandId, message, percent), {@code result}
 * (commandId, status succeeded|failed, result, failureReason).
 * Server to agent: {@code command} (command), {@code cancel} (commandId), {@code error} (code, message).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentMessage(String type, String commandId, String status, JsonNode result, String failureReason,
                           String message, Integer percent, String kind, JsonNode report, String agentVersion,
                           CommandView command, String code) {

    public static final String HEARTBEAT = "heartbeat";
    public static final String REPORT = "report";
    public static final String ACK = "ack";
    public static final String PROGRESS = "progress";
    public static final String RESULT = "result";
    public static final String COMMAND = "command";
    public static final String CANCEL = "cancel";
    public static final String ERROR = "error";

    public static AgentMessage command(CommandView command) {
        return new AgentMessage(COMMAND, null, null, null, null, null, null, null, null, null, command, null);
    }

    public static AgentMessage cancel(String commandId) {
        return new AgentMessage(CANCEL, commandId, null, null, null, null, null, null, null, null, null, null);
    }

    public static AgentMessage error(String code, String message) {
        return new AgentMessage(ERROR, null, null, null, null, message, null, null, null, null, null, code);
    }

    public static AgentMessage heartbeat(String agentVersion) {
        return new AgentMessage(HEARTBEAT, null, null, null, null, null, null, null, null, agentVersion, null, null);
    }

    public static AgentMessage report(String kind, JsonNode report) {
        return new AgentMessage(REPORT, null, null, null, null, null, null, kind, report, null, null, null);
    }

    public static AgentMessage ack(String commandId) {
        return new AgentMessage(ACK, commandId, null, null, null, null, null, null, null, null, null, null);
    }

    public static AgentMessage progress(String commandId, String message, int percent) {
        return new AgentMessage(PROGRESS, commandId, null, null, null, message, percent, null, null, null, null, null);
    }

    /** The outcome of a command: {@code succeeded} with a result, or {@code failed} with a reason. */
    public static AgentMessage result(String commandId, boolean succeeded, JsonNode result, String failureReason) {
        return new AgentMessage(RESULT, commandId, succeeded ? "succeeded" : "failed", result, failureReason, null, null,
                null, null, null, null, null);
    }

    /** A command as the agent receives it; {@code seq} orders a device's commands. */
    public record CommandView(String id, long seq, String type, JsonNode payload, String expiresAt) {
    }
}
