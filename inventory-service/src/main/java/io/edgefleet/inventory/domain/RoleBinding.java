package io.edgefleet.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A scoped role: a subject (a user's token subject, or a value of a token's groups claim) holds a
 * role over the devices of some groups and/or a label selector, or over the whole organization.
 */
@Entity
@Table(name = "role_binding")
public class RoleBinding {

    @Id
    public UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    public String orgId;

    @Column(nullable = false)
    public String name;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> labels = new HashMap<>();

    /** {@code user} or {@code group}. */
    @Column(name = "subject_kind", nullable = false)
    public String subjectKind;

    @Column(nullable = false)
    public String subject;

    /** {@code viewer}, {@code operator} or {@code admin}. */
    @Column(nullable = false)
    public String role;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "group_ids", nullable = false)
    public UUID[] groupIds = new UUID[0];

    public String selector;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Version
    public long version;

    public boolean organizationWide() {
        return groupIds.length == 0 && selector == null;
    }
}
