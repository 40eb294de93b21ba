package io.edgefleet.policy.definition;

import io.edgefleet.policy.engine.RuleKind;
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

/** A policy: a CEL rule with its message, parameter schema and defaults. Built-ins have no organization. */
@Entity
@Table(name = "policy_definition")
public class PolicyDefinition {

    @Id
    public UUID id;

    /** Null for the built-in library, shared by every organization and read-only. */
    @Column(name = "org_id", updatable = false)
    public String orgId;

    @Column(nullable = false)
    public String name;

    @Column(name = "display_name")
    public String displayName;

    public String description;

    public String category;

    /** Wire value of a {@link RuleKind}. */
    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String rule;

    public String field;

    @Column(nullable = false)
    public String message;

    /** JSON Schema of the parameters; null when the policy takes none. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> parameters;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> defaults;

    /** A built-in describing a shape the product supports: assigned in audit mode to every organization by default. */
    @Column(name = "edge_rule", nullable = false)
    public boolean edgeRule;

    @Column(name = "library_version")
    public String libraryVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public boolean builtIn() {
        return orgId == null;
    }

    public RuleKind ruleKind() {
        return RuleKind.fromWire(kind).orElseThrow(() -> new IllegalStateException("stored kind " + kind));
    }
}
