package io.edgefleet.policy.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One policy applied to a scope: the whole organization, a group or a label selector, with its
 * parameters, an effect (audit, deny, remediate) and an enforcement (enforced, or dry-run: only
 * the what-if is computed).
 */
@Entity
@Table(name = "policy_assignment")
public class Assignment {

    public static final String AUDIT = "audit";
    public static final String DENY = "deny";
    public static final String REMEDIATE = "remediate";
    public static final String ENFORCED = "enforced";
    public static final String DRY_RUN = "dry-run";

    @Id
    public UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    public String orgId;

    @Column(nullable = false)
    public String name;

    @Column(name = "policy_id", nullable = false)
    public UUID policyId;

    /** As the operator gave them; the policy's defaults fill the rest when evaluated. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> params;

    @Column(name = "group_id")
    public UUID groupId;

    @Column(name = "label_selector")
    public String labelSelector;

    @Column(nullable = false)
    public String effect;

    @Column(nullable = false)
    public String enforcement;

    /** For {@code remediate}: the command type a non-compliant device is sent. */
    @Column(name = "remediation_type")
    public String remediationType;

    /** For {@code remediate}: the command's payload. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "remediation_payload")
    public Map<String, Object> remediationPayload;

    /** Created for the organization by default (an edge-rule built-in in audit mode). */
    @Column(name = "by_default", nullable = false)
    public boolean byDefault;

    /** Set when the whole scope is to be re-evaluated; cleared by the evaluation that saw it. */
    @Column(name = "evaluation_due_at")
    public OffsetDateTime evaluationDueAt;

    @Column(name = "evaluated_at")
    public OffsetDateTime evaluatedAt;

    /** A dry-run's what-if, once computed. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "what_if")
    public Map<String, Object> whatIf;

    /** Its deny rule is on {@code fleet.policy.rules}; written by {@link DenyRules} alone, which leaves the version be. */
    @Column(name = "deny_published", nullable = false, insertable = false, updatable = false)
    public boolean denyPublished;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public boolean enforced() {
        return ENFORCED.equals(enforcement);
    }
}
