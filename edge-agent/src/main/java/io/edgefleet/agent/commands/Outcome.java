package io.edgefleet.agent.commands;

import com.fasterxml.jackson.databind.JsonNode;

/** How a command ended: succeeded with a result, or failed with a reason. */
public record Outcome(boolean succeeded, JsonNode result, String failureReason) {

    public static Outcome success(JsonNode result) {
        return new Outcome(true, result, null);
    }

    public static Outcome failure(String reason) {
        return new Outcome(false, null, reason);
    }
}
