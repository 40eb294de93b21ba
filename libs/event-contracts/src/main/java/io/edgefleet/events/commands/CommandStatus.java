package io.edgefleet.events.commands;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Set;

/**
 * A command's lifecycle: queued → delivered → acknowledged → running → succeeded | failed,
 * or expired | cancelled before the agent acknowledged it. A request refused before it was
 * queued — by a rule or a policy — is {@code rejected}: final from the start, never delivered,
 * published with a stable code, the reason and the request's correlation id.
 */
public enum CommandStatus {

    QUEUED, DELIVERED, ACKNOWLEDGED, RUNNING, SUCCEEDED, FAILED, EXPIRED, CANCELLED, REJECTED;

    private static final Set<CommandStatus> FINAL = Set.of(SUCCEEDED, FAILED, EXPIRED, CANCELLED, REJECTED);

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
