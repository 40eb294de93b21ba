package io.edgefleet.provisioning.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An enrolled device's identity: the public key whose private half never leaves the device. */
@Entity
@Table(name = "device_identity")
public class DeviceIdentity {

    /** Whether the identity's credentials are honoured. */
    public enum Status { ACTIVE, REVOKED }

    @Id
    @Column(name = "device_id")
    public UUID deviceId;

    @Column(name = "org_id", nullable = false, updatable = false)
    public String orgId;

    @Column(name = "enrollment_id", nullable = false, updatable = false)
    public UUID enrollmentId;

    @Column(name = "public_key", nullable = false)
    public String publicKey;

    @Column(name = "key_fingerprint", nullable = false)
    public String keyFingerprint;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "enrolled_at", nullable = false, updatable = false)
    public OffsetDateTime enrolledAt;

    @Column(name = "rotated_at")
    public OffsetDateTime rotatedAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "last_seen_at")
    public OffsetDateTime lastSeenAt;

    /** Set when inventory decommissioned the device: it gets no more commands. */
    @Column(name = "decommissioned_at")
    public OffsetDateTime decommissionedAt;

    @Version
    public long version;

    public boolean isActive() {
        return status == Status.ACTIVE;
    }
}
