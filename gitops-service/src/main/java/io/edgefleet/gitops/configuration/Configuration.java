package io.edgefleet.gitops.configuration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One GitOps configuration: its spec as normalized (without credentials) and its sealed credentials. */
@Entity
@Table(name = "gitops_configuration")
public class Configuration {

    @Id
    public UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    public String orgId;

    @Column(nullable = false)
    public String name;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public ConfigurationSpec spec;

    /** Sealed (libs/secrets); never leaves the service but to the device the configuration is delivered to. */
    @Column
    public String credentials;

    /** Which credentials are held ({@code basic-auth}, {@code ssh-key}, {@code ca-certificate}, joined by '+'). */
    @Column(name = "credential_kind")
    public String credentialKind;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
