package io.edgefleet.update.release;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One release of the catalog. Releases from the catalog file belong to every organization
 * ({@code orgId} null) and are read-only; an organization adds its own through the API.
 */
@Entity
@Table(name = "release")
public class Release {

    @Id
    public UUID id;

    /** Null: from the catalog file, offered to every organization. */
    @Column(name = "org_id", updatable = false)
    public String orgId;

    @Convert(converter = ReleaseKindConverter.class)
    @Column(nullable = false, updatable = false)
    public ReleaseKind kind;

    @Column(name = "release_version", nullable = false, updatable = false)
    public String releaseVersion;

    /** {@code stable} or {@code preview}. */
    @Column(nullable = false)
    public String channel;

    @Column(name = "released_on", nullable = false)
    public LocalDate releasedOn;

    @Column(name = "end_of_support")
    public LocalDate endOfSupport;

    public String notes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<ReleaseSpec.Artifact> artifacts;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Version
    public long version;

    public ReleaseVersion parsedVersion() {
        return ReleaseVersion.parse(kind, releaseVersion).orElseThrow(() ->
                new IllegalStateException("stored release " + id + " has version " + releaseVersion));
    }

    public boolean supportedOn(LocalDate day) {
        return endOfSupport == null || !day.isAfter(endOfSupport);
    }
}
