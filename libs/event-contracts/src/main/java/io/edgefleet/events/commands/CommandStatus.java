package io.edgefleet.events.commands;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Set;

/**
 * A command's lifecycle: queued → delivered → acknowledged → running → succeeded | failed,
 * or expired | cancelled before the agent acknowledged it.
 */
public enum CommandStatus {

    QUEUED, DELIVERED, ACKNOWLEDGED, RUNNING, SUCCEEDED, FAILED, EXPIRED, CANCELLED;

    private static final Set<CommandStatus> FINAL = Set.of(SUCCEEDED, FAILED, EXPIRED, CANCELLED);

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    public boolean isFinal() {
        return FINAL.contains(this);
    }

    /** Whether the agent has not started it yet, so it can still expire or be cancelled. */
    public boolean isAwaitingAgent() {
        return this == QUEUED || this == DELIVERED;
    }

    @JsonCreator
    public static CommandStatus fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown command status " + name));
    }
}
