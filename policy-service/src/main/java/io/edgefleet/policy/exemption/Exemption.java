package io.edgefleet.policy.exemption;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One device, or a group's devices, exempt from one assignment until {@code expiresAt}. */
@Entity
@Table(name = "policy_exemption")
public class Exemption {

    @Id
    public UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    public String orgId;

    @Column(nullable = false)
    public String name;

    @Column(name = "assignment_id", nullable = false)
    public UUID assignmentId;

    /** Inventory's id of the exempt device, or null when a group is exempt. */
    @Column(name = "device_id")
    public UUID deviceId;

    @Column(name = "group_id")
    public UUID groupId;

    /** {@code waiver} (accepted as it is) or {@code mitigated} (handled another way). */
    @Column(nullable = false)
    public String reason;

    public String description;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    /** Expired, and its assignment already sent back for re-evaluation. */
    @Column(nullable = false)
    public boolean lapsed;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
