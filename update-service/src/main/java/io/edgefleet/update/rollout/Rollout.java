package io.edgefleet.update.rollout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A rollout: its spec as written, and its status as the engine keeps it. The row is the rollout's
 * lock: the engine works on a rollout only while holding it ({@code FOR UPDATE SKIP LOCKED}), so
 * with several replicas each rollout has one owner at a time.
 */
@Entity
@Table(name = "rollout")
public class Rollout {

    @Id
    public UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    public String orgId;

    @Column(nullable = false)
    public String name;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public RolloutSpec spec;

    /** Denormalised from the spec: releases in use cannot be deleted. */
    @Column(name = "release_id")
    public UUID releaseId;

    @Column(nullable = false)
    public String phase;

    /** Why it paused or failed, else null. */
    @Column(name = "phase_reason")
    public String phaseReason;

    @Column(name = "current_wave", nullable = false)
    public int currentWave;

    @Column(name = "wave_count", nullable = false)
    public int waveCount;

    /** The highest wave an approver let start (-1: none). */
    @Column(name = "approved_wave", nullable = false)
    public int approvedWave = -1;

    /** When the current wave's soak ends; null while it is not soaking. */
    @Column(name = "soak_until")
    public OffsetDateTime soakUntil;

    @Column(name = "wave_completed", nullable = false)
    public boolean waveCompleted;

    /** Failed units of the current wave an operator accepted by resuming: thresholds count only later failures. */
    @Column(name = "accepted_failures", nullable = false)
    public int acceptedFailures;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public Phase phase() {
        return Phase.of(phase);
    }

    public boolean isRelease() {
        return releaseId != null;
    }

    public boolean isLastWave() {
        return currentWave >= waveCount - 1;
    }
}
