package io.edgefleet.telemetry.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A rule that raises an alert per device: a metric past a threshold for a while, a device not
 * heard of for a while, or too many failed commands in a window. The columns of the other kinds
 * stay null.
 */
@Entity
@Table(name = "alert_rule")
public class AlertRule {

    @Id
    public UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    public String orgId;

    @Column(nullable = false)
    public String name;

    /** Wire name of a {@link RuleKind}. */
    @Column(nullable = false)
    public String kind;

    /** critical, warning or info. */
    @Column(nullable = false)
    public String severity;

    /** Which devices the rule watches; null watches every device of the organization. */
    @Column(name = "label_selector")
    public String labelSelector;

    public String metric;

    public String operator;

    public Double threshold;

    /** How long a threshold must be broken before the alert fires. */
    @Column(name = "for_seconds", nullable = false)
    public long forSeconds;

    @Column(name = "offline_seconds")
    public Long offlineSeconds;

    @Column(name = "failure_rate")
    public Double failureRate;

    @Column(name = "window_seconds")
    public Long windowSeconds;

    @Column(name = "min_commands")
    public Integer minCommands;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public RuleKind ruleKind() {
        return RuleKind.fromWireName(kind);
    }
}
