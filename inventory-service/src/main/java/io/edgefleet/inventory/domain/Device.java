package io.edgefleet.inventory.domain;

import io.edgefleet.events.inventory.NetworkConfig;
import io.edgefleet.events.inventory.NodeAllocation;
import io.edgefleet.events.provisioning.DeviceFacts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An edge machine in one organization's fleet. */
@Entity
@Table(name = "device")
public class Device {

    @Id
    public UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    public String orgId;

    @Column(nullable = false)
    public String name;

    @Column(name = "identity_id")
    public UUID identityId;

    @Column(name = "external_id")
    public String externalId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> labels = new HashMap<>();

    /** Labels the device's agent reports about it; never written by operators, never overwriting {@code labels}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reported_labels", nullable = false)
    public Map<String, String> reportedLabels = new HashMap<>();

    @Column(name = "time_zone")
    public String timeZone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Lifecycle lifecycle = Lifecycle.REGISTERED;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Connectivity connectivity = Connectivity.NEVER_CONNECTED;

    @Column(name = "last_seen_at")
    public OffsetDateTime lastSeenAt;

    @Column(name = "host_os")
    public String hostOs;

    @Column(name = "host_os_version")
    public String hostOsVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    public DeviceFacts.Hardware hardware;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "linux_node")
    public NodeAllocation linuxNode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "windows_node")
    public NodeAllocation windowsNode;

    @JdbcTypeCode(SqlTypes.JSON)
    public NetworkConfig network;

    @Column(name = "agent_version")
    public String agentVersion;

    @Column(name = "cluster_id")
    public UUID clusterId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "enrolled_at")
    public OffsetDateTime enrolledAt;

    @Column(name = "decommissioned_at")
    public OffsetDateTime decommissionedAt;

    @Version
    public long version;

    protected Device() {
    }

    public static Device register(UUID id, String orgId, String name, Map<String, String> labels, OffsetDateTime now) {
        Device device = new Device();
        device.id = id;
        device.orgId = orgId;
        device.name = name;
        device.labels = new HashMap<>(labels == null ? Map.of() : labels);
        device.createdAt = now;
        device.updatedAt = now;
        return device;
    }

    public boolean isDecommissioned() {
        return lifecycle == Lifecycle.DECOMMISSIONED;
    }
}
