package io.edgefleet.events.commands;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * Data of {@code edgefleet.commands.status.changed.v1} on {@code fleet.commands.status}: one
 * transition of a command. Key and subject = device id, so a device's transitions stay ordered.
 *
 * @param correlationId the requester's idempotency key or correlation id, if it gave one
 * @param result the agent's result (succeeded or failed), else null
 * @param failureReason why it failed or expired, else null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommandStatusChanged(String commandId, String deviceId, CommandType type, CommandStatus status,
                                   CommandStatus previousStatus, String correlationId, JsonNode result,
                                   String failureReason, Instant changedAt) {
}
