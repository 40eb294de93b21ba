package io.edgefleet.provisioning.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.provisioning.command.CommandSecrets;
import io.edgefleet.provisioning.domain.Command;
import java.time.OffsetDateTime;

/**
 * A command and its lifecycle as operators see it.
 *
 * @param deviceId the machine the command is with (for a cluster command, the one of its cluster running it)
 * @param clusterId the cluster a cluster command was addressed to
 * @param scope {@code cluster} or {@code machine}: what the command type acts on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandView(String id, String deviceId, String clusterId, String type, String scope, JsonNode payload,
                          String status,
                          String idempotencyKey, String requestedBy, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                          OffsetDateTime deliveredAt, OffsetDateTime acknowledgedAt, OffsetDateTime startedAt,
                          OffsetDateTime finishedAt, int deliveryAttempts, JsonNode result, String failureReason,
                          String rejectionCode) {

    static CommandView of(Command c) {
        return new CommandView(c.id.toString(), c.deviceId.toString(), c.clusterId == null ? null : c.clusterId.toString(),
                c.type.wireName(), c.type.scope().wireName(), CommandSecrets.redacted(c.payload), c.status.wireName(),
                c.idempotencyKey, c.requestedBy, c.createdAt, c.expiresAt, c.deliveredAt, c.acknowledgedAt, c.startedAt,
                c.finishedAt, c.deliveryAttempts, c.result, c.failureReason, c.rejectionCode);
    }
}
