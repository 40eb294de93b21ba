package io.edgefleet.telemetry.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Mutes notifications of matching alerts between its start and end: alerts of one rule, of one
 * device, of devices matching a selector, or a combination (every given matcher must match).
 */
@Entity
@Table(name = "silence")
public class Silence {

    @Id
    public UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    public String orgId;

    @Column(name = "rule_id")
    public UUID ruleId;

    @Column(name = "device_id")
    public UUID deviceId;

    @Column(name = "label_selector")
    public String labelSelector;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    public String comment;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
