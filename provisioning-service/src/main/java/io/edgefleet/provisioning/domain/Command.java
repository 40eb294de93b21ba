package io.edgefleet.provisioning.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.events.commands.CommandStatus;
import io.edgefleet.events.commands.CommandType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A command for one device, from request to its final state. */
@Entity
@Table(name = "command")
public class Command {

    /** Which transitions the lifecycle allows; anything else is refused. */
    private static final Map<CommandStatus, Set<CommandStatus>> NEXT = Map.of(
            CommandStatus.QUEUED, Set.of(CommandStatus.DELIVERED, CommandStatus.EXPIRED, CommandStatus.CANCELLED),
            CommandStatus.DELIVERED, Set.of(CommandStatus.ACKNOWLEDGED, CommandStatus.RUNNING, CommandStatus.SUCCEEDED,
                    CommandStatus.FAILED, CommandStatus.EXPIRED, CommandStatus.CANCELLED),
            CommandStatus.ACKNOWLEDGED, Set.of(CommandStatus.RUNNING, CommandStatus.SUCCEEDED, CommandStatus.FAILED),
            CommandStatus.RUNNING, Set.of(CommandStatus.SUCCEEDED, CommandStatus.FAILED));

    @Id
    public UUID id;

    /**
     * Delivery order, assigned by the database on insert. Not read back after the insert (which
     * would make every insert a round trip of its own instead of part of a batch): only commands
     * read from the database are delivered, and those carry it.
     */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "org_id", nullable = false, updatable = false)
    public String orgId;

    /** The machine the command is with: for a cluster command, moved while the agent has not acknowledged it. */
    @Column(name = "device_id", nullable = false)
    public UUID deviceId;

    /** The cluster a cluster command was addressed to; null for a command sent to a machine. */
    @Column(name = "cluster_id", updatable = false)
    public UUID clusterId;

    @Convert(converter = CommandTypeConverter.class)
    @Column(nullable = false, updatable = false)
    public CommandType type;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public JsonNode payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommandStatus status;

    @Column(name = "idempotency_key", updatable = false)
    public String idempotencyKey;

    @Column(name = "requested_by", nullable = false, updatable = false)
    public String requestedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;

    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    @Column(name = "delivery_attempts", nullable = false)
    public int deliveryAttempts;

    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode result;

    @Column(name = "failure_reason")
    public String failureReason;

    /** For a rejected command: the refusal's stable code (e.g. {@code POLICY_DENIED}). */
    @Column(name = "rejection_code")
    public String rejectionCode;

    @Version
    public long version;

    /**
     * Moves a cluster command the agent has not acknowledged to another machine of its cluster:
     * queued again there (a delivered one was never acknowledged, so it never ran).
     */
    public CommandStatus reassign(UUID machine) {
        if (clusterId == null || !status.isAwaitingAgent()) {
            throw new IllegalStateException("command " + id + " cannot move: " + status + ", cluster " + clusterId);
        }
        CommandStatus previous = status;
        deviceId = machine;
        status = CommandStatus.QUEUED;
        deliveredAt = null;
        return previous;
    }

    public boolean canMoveTo(CommandStatus next) {
        return NEXT.getOrDefault(status, Set.of()).contains(next);
    }

    /** Moves to {@code next} and stamps the time; returns the previous status. */
    public CommandStatus moveTo(CommandStatus next, OffsetDateTime at) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("command " + id + " cannot go from " + status + " to " + next);
        }
        CommandStatus previous = status;
        status = next;
        switch (next) {
            case DELIVERED -> deliveredAt = at;
            case ACKNOWLEDGED -> acknowledgedAt = at;
            case RUNNING -> startedAt = at;
            default -> finishedAt = next.isFinal() ? at : finishedAt;
        }
        return previous;
    }
}
