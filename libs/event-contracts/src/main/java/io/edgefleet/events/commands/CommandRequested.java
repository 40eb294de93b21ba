package io.edgefleet.events.commands;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Data of {@code edgefleet.commands.requested.v1} on {@code fleet.commands.requests}: any
 * service or other system asks for a command. Key = device id; the CloudEvent {@code orgid}
 * names the organization and the CloudEvent id makes the request idempotent unless
 * {@code idempotencyKey} is given.
 *
 * @param ttlSeconds how long the command may wait for the device (default 24 h)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommandRequested(String deviceId, CommandType type, JsonNode payload, Long ttlSeconds,
                               String idempotencyKey, String requestedBy) {
}
