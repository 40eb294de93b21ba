package io.edgefleet.provisioning.domain;

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

/** A secret an operator hands to devices so they may enroll into the organization. */
@Entity
@Table(name = "enrollment_token")
public class EnrollmentToken {

    @Id
    public UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    public String orgId;

    @Column(nullable = false)
    public String name;

    @Column(name = "secret_hash", nullable = false, updatable = false)
    public String secretHash;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "max_uses", nullable = false)
    public int maxUses;

    @Column(nullable = false)
    public int uses;

    @Column(name = "requires_approval", nullable = false)
    public boolean requiresApproval;

    @Column(name = "target_group")
    public String targetGroup;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "target_labels", nullable = false)
    public Map<String, String> targetLabels = new HashMap<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Version
    public long version;

    /** Why this token cannot enroll a device now, or null if it can. */
    public TokenRefusal refusalAt(OffsetDateTime now) {
        if (revokedAt != null) {
            return TokenRefusal.REVOKED;
        }
        if (!now.isBefore(expiresAt)) {
            return TokenRefusal.EXPIRED;
        }
        return uses >= maxUses ? TokenRefusal.USED_UP : null;
    }

    /** Why a token refuses an enrollment. */
    public enum TokenRefusal { REVOKED, EXPIRED, USED_UP }
}
