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
 * @param failureReason why it failed, expired or was rejected, else null
 * @param code for {@code rejected}: the stable code of the refusal (e.g. {@code POLICY_DENIED},
 *             {@code DEVICE_NOT_FOUND}), the same a REST caller would get; else null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommandStatusChanged(String commandId, String deviceId, CommandType type, CommandStatus status,
                                   CommandStatus previousStatus, String correlationId, JsonNode result,
                                   String failureReason, String code, Instant changedAt) {

    /** A transition of a queued command (no code: only rejections carry one). */
    public static CommandStatusChanged transition(String commandId, String deviceId, CommandType type, CommandStatus status,
                                                  CommandStatus previousStatus, String correlationId, JsonNode result,
                                                  String failureReason, Instant changedAt) {
        return new CommandStatusChanged(commandId, deviceId, type, status, previousStatus, correlationId, result,
                failureReason, null, changedAt);
    }

    /** A request refused before it was queued, answered on the status topic under its correlation id. */
    public static CommandStatusChanged rejected(String commandId, String deviceId, CommandType type, String correlationId,
                                                String code, String reason, Instant at) {
        return new CommandStatusChanged(commandId, deviceId, type, CommandStatus.REJECTED, null, correlationId, null,
                reason, code, at);
    }
}
