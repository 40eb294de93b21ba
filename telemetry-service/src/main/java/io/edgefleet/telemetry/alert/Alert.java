package io.edgefleet.telemetry.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One rule broken on one device: pending until the rule's for-duration has passed, then firing
 * until the condition clears (resolved). At most one pending or firing alert per rule and device.
 * The rule's name, kind and severity are copied so the alert reads the same after the rule changes.
 */
@Entity
@Table(name = "alert")
public class Alert {

    /** Lifecycle states, as stored and shown. */
    public static final String PENDING = "pending";
    public static final String FIRING = "firing";
    public static final String RESOLVED = "resolved";

    @Id
    public UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    public String orgId;

    @Column(name = "rule_id", nullable = false, updatable = false)
    public UUID ruleId;

    @Column(name = "rule_name", nullable = false)
    public String ruleName;

    @Column(name = "rule_kind", nullable = false)
    public String ruleKind;

    @Column(nullable = false)
    public String severity;

    @Column(name = "device_id", nullable = false, updatable = false)
    public UUID deviceId;

    /** The device's inventory name when the alert was raised; null if inventory had not told us yet. */
    @Column(name = "device_name")
    public String deviceName;

    @Column(nullable = false)
    public String state;

    @Column(name = "pending_since", nullable = false)
    public OffsetDateTime pendingSince;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    public Double value;

    @Column(nullable = false)
    public String summary;

    /** A silence matched at the last evaluation: no notification goes out. */
    @Column(nullable = false)
    public boolean silenced;

    /** The firing event went out, so the resolved one must too. */
    @Column(nullable = false)
    public boolean notified;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
