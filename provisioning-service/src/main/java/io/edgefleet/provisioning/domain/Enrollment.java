package io.edgefleet.provisioning.domain;

import io.edgefleet.events.provisioning.DeviceFacts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One agent's request to join the fleet with a token, its facts and its public key. */
@Entity
@Table(name = "enrollment")
public class Enrollment {

    /** An enrollment's state: pending until approved (at once, or by an operator) or rejected. */
    public enum Status { PENDING, APPROVED, REJECTED }

    @Id
    public UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    public String orgId;

    @Column(name = "token_id", nullable = false, updatable = false)
    public UUID tokenId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false, updatable = false)
    public String hostname;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public DeviceFacts facts;

    @Column(name = "public_key", nullable = false, updatable = false)
    public String publicKey;

    @Column(name = "device_id")
    public UUID deviceId;

    @Column(name = "requested_at", nullable = false, updatable = false)
    public OffsetDateTime requestedAt;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "reject_reason")
    public String rejectReason;

    @Version
    public long version;

    public void approve(UUID newDeviceId, String by, OffsetDateTime at) {
        status = Status.APPROVED;
        deviceId = newDeviceId;
        decidedBy = by;
        decidedAt = at;
    }

    public void reject(String by, String reason, OffsetDateTime at) {
        status = Status.REJECTED;
        decidedBy = by;
        rejectReason = reason;
        decidedAt = at;
    }
}
